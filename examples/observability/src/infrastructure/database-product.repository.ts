import type { ProductRepository } from "../application/ports/product.repository.port.ts";
import { ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Product } from "../domain/product.entity.ts";
import { translateDatabaseError } from "./database-errors.ts";
import type { InMemoryDatabase, ProductRow } from "./in-memory-database.ts";
import { observedCall, type Telemetry } from "./observed-call.ts";

function toProduct(row: ProductRow): Product {
  return new Product(ProductId.of(row.id), row.name, Money.of(row.unit_price_minor, row.currency));
}

/**
 * Products in the database; driver failures leave this class only as DatabaseConnectionError. Each
 * query is a span and a sample in `repository_operation_duration_seconds`.
 */
export class DatabaseProductRepository implements ProductRepository {
  private readonly database: InMemoryDatabase;
  private readonly telemetry: Telemetry;

  constructor(database: InMemoryDatabase, telemetry: Telemetry) {
    this.database = database;
    this.telemetry = telemetry;
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    const row = await this.observed("findById", () => this.database.query((tables) => tables.products.get(id)));
    return row && toProduct(row);
  }

  async findByIds(ids: readonly ProductId[]): Promise<Product[]> {
    const rows = await this.observed("findByIds", () =>
      this.database.query((tables) => ids.flatMap((id) => tables.products.get(id) ?? [])),
    );
    return rows.map(toProduct);
  }

  private observed<T>(operation: string, query: () => Promise<T>): Promise<T> {
    return observedCall(
      this.telemetry.tracer,
      {
        span: `ProductRepository.${operation}`,
        attributes: { "db.system.name": "postgresql", "db.operation.name": "SELECT", "db.collection.name": "products" },
        histogram: this.telemetry.metrics.repositoryDuration,
        labels: { repository: "products", operation },
      },
      () => query().catch(translateDatabaseError),
    );
  }
}
