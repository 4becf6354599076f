import type { ProductRepository } from "../../application/ports/product.repository.port.ts";
import { ConcurrencyConflictError } from "../../application/ports/storage-errors.ts";
import { ProductId } from "../../domain/identifiers.ts";
import { Money } from "../../domain/money.value-object.ts";
import { Product } from "../../domain/product.aggregate.ts";
import type { ProductRecord } from "./in-memory-tables.ts";

function toProduct(record: ProductRecord): Product {
  return new Product({
    id: ProductId.of(record.id),
    name: record.name,
    unitPrice: Money.of(record.priceMinor, record.currency),
    stock: record.stock,
    version: record.version,
  });
}

/** Products in a Map: the fake for unit tests, held to the same contract tests as the Postgres adapter. */
export class InMemoryProductRepository implements ProductRepository {
  private readonly table: Map<string, ProductRecord>;

  constructor(table: Map<string, ProductRecord>) {
    this.table = table;
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    const record = this.table.get(id);
    return record === undefined ? undefined : toProduct(record);
  }

  async list(): Promise<Product[]> {
    return [...this.table.values()].sort((a, b) => a.id.localeCompare(b.id)).map(toProduct);
  }

  async save(product: Product): Promise<void> {
    const stored = this.table.get(product.id);
    if (stored === undefined || stored.version !== product.version) {
      throw new ConcurrencyConflictError("Product", product.id, product.version);
    }
    this.table.set(product.id, Object.freeze({ ...stored, stock: product.stock, version: stored.version + 1 }));
    product.markSaved();
  }
}
