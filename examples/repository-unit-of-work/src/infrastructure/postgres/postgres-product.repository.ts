import type { ProductRepository } from "../../application/ports/product.repository.port.ts";
import { ConcurrencyConflictError } from "../../application/ports/storage-errors.ts";
import { ProductId } from "../../domain/identifiers.ts";
import { Money } from "../../domain/money.value-object.ts";
import { Product } from "../../domain/product.aggregate.ts";
import { runQuery, type SqlClient } from "./sql-client.ts";

/** A row of the products table, as Postgres returns it. */
type ProductRow = {
  id: string;
  name: string;
  price_minor: number;
  currency: string;
  stock: number;
  version: number;
};

const COLUMNS = "id, name, price_minor, currency, stock, version";

/** Row → entity, field by field: the table's shape and the aggregate's shape may each change on their own. */
function toProduct(row: ProductRow): Product {
  return new Product({
    id: ProductId.of(row.id),
    name: row.name,
    unitPrice: Money.of(row.price_minor, row.currency),
    stock: row.stock,
    version: row.version,
  });
}

/** Products in Postgres (PGlite). Given the database or a transaction, it works the same on both. */
export class PostgresProductRepository implements ProductRepository {
  private readonly client: SqlClient;

  constructor(client: SqlClient) {
    this.client = client;
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    const { rows } = await runQuery<ProductRow>(this.client, `SELECT ${COLUMNS} FROM products WHERE id = $1`, [id]);
    return rows[0] === undefined ? undefined : toProduct(rows[0]);
  }

  async list(): Promise<Product[]> {
    const { rows } = await runQuery<ProductRow>(this.client, `SELECT ${COLUMNS} FROM products ORDER BY id`);
    return rows.map(toProduct);
  }

  async save(product: Product): Promise<void> {
    // The version in the WHERE clause is the optimistic lock: if another transaction saved first,
    // the row no longer has this version, no row is updated, and we report a conflict.
    const result = await runQuery(
      this.client,
      "UPDATE products SET stock = $1, version = version + 1 WHERE id = $2 AND version = $3",
      [product.stock, product.id, product.version],
    );
    if (result.affectedRows !== 1) {
      throw new ConcurrencyConflictError("Product", product.id, product.version);
    }
    product.markSaved();
  }
}
