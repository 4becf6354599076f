import type { ProductRepository } from "../application/ports/product.repository.port.ts";
import { ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Product } from "../domain/product.entity.ts";
import { translateDatabaseError } from "./database-errors.ts";
import type { InMemoryDatabase, ProductRow } from "./in-memory-database.ts";

function toProduct(row: ProductRow): Product {
  return new Product(ProductId.of(row.id), row.name, Money.of(row.unit_price_minor, row.currency));
}

/** Products in the database; driver failures leave this class only as DatabaseConnectionError. */
export class DatabaseProductRepository implements ProductRepository {
  private readonly database: InMemoryDatabase;

  constructor(database: InMemoryDatabase) {
    this.database = database;
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    const row = await this.database.query((tables) => tables.products.get(id)).catch(translateDatabaseError);
    return row && toProduct(row);
  }

  async findByIds(ids: readonly ProductId[]): Promise<Product[]> {
    const rows = await this.database
      .query((tables) => ids.flatMap((id) => tables.products.get(id) ?? []))
      .catch(translateDatabaseError);
    return rows.map(toProduct);
  }
}
