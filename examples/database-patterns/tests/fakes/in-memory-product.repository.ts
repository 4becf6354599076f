import { ConcurrencyConflictError } from "../../src/application/ports/storage-errors.ts";
import type { ProductRepository } from "../../src/application/ports/product.repository.port.ts";
import type { ProductId } from "../../src/domain/identifiers.ts";
import { Product, type ProductState } from "../../src/domain/product.aggregate.ts";

/** Products in a Map, with the same version check as the SQL repository. */
export class InMemoryProductRepository implements ProductRepository {
  readonly rows = new Map<string, ProductState>();

  constructor(products: readonly ProductState[] = []) {
    for (const product of products) this.rows.set(product.id, product);
  }

  async findById(id: ProductId): Promise<Product | undefined> {
    const row = this.rows.get(id);
    return row ? new Product(row) : undefined;
  }

  async save(product: Product): Promise<void> {
    const stored = this.rows.get(product.id);
    if (!stored || stored.version !== product.version) {
      throw new ConcurrencyConflictError("Product", product.id, product.version);
    }
    const { id, name, unitPrice, stock } = product;
    this.rows.set(id, { id, name, unitPrice, stock, version: product.version + 1 });
    product.markSaved();
  }
}
