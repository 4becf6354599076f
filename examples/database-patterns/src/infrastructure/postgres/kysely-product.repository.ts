import type { Kysely } from "kysely";
import { ConcurrencyConflictError } from "../../application/ports/storage-errors.ts";
import type { ProductRepository } from "../../application/ports/product.repository.port.ts";
import { ProductId } from "../../domain/identifiers.ts";
import { Money } from "../../domain/money.value-object.ts";
import { Product } from "../../domain/product.aggregate.ts";
import type { Database } from "./database-schema.ts";
import { CURRENT_RELEASE, type NameColumns } from "./name-columns.ts";

/** Products through Kysely. Which column holds the name depends on the release (see name-columns.ts). */
export class KyselyProductRepository implements ProductRepository {
  readonly #db: Kysely<Database>;
  readonly #columns: NameColumns;

  constructor(db: Kysely<Database>, columns: NameColumns = CURRENT_RELEASE) {
    this.#db = db;
    this.#columns = columns;
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    const row = await this.#db
      .selectFrom("products")
      .select(["id", "unit_price_minor", "currency", "stock", "version"])
      .select(this.#columns.readFrom)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    return new Product({
      id: ProductId.of(row.id),
      name: String((row as Record<string, unknown>)[this.#columns.readFrom] ?? ""),
      unitPrice: Money.of(Number(row.unit_price_minor), row.currency),
      stock: row.stock,
      version: row.version,
    });
  }

  async save(product: Product): Promise<void> {
    const names = Object.fromEntries(this.#columns.writeTo.map((column) => [column, product.name]));
    // Compare-and-set: the row changes only if it is still at the version this copy was read at.
    const result = await this.#db
      .updateTable("products")
      .set({
        ...names,
        unit_price_minor: product.unitPrice.minorUnits,
        stock: product.stock,
        version: product.version + 1,
      })
      .where("id", "=", product.id)
      .where("version", "=", product.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new ConcurrencyConflictError("Product", product.id, product.version);
    product.markSaved();
  }
}
