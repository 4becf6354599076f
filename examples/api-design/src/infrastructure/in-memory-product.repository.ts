import { ConcurrencyConflictError } from "../application/ports/concurrency-errors.ts";
import {
  sortKey,
  type ProductQuery,
  type ProductRepository,
  type ProductSort,
} from "../application/ports/product.repository.port.ts";
import { Product, type ProductState } from "../domain/product.entity.ts";

/**
 * The catalog in a Map, storing snapshots so callers never share an instance. `list` does what a
 * database does with `WHERE (key, id) > (:key, :id) ORDER BY key, id LIMIT :limit` over an index.
 */
export class InMemoryProductRepository implements ProductRepository {
  readonly #rows = new Map<string, ProductState>();

  constructor(seed: readonly Product[] = []) {
    for (const product of seed) this.#rows.set(product.id, product.snapshot());
  }

  async get(id: string): Promise<Product | undefined> {
    const row = this.#rows.get(id);
    return row === undefined ? undefined : new Product(row);
  }

  async add(product: Product): Promise<void> {
    this.#rows.set(product.id, product.snapshot());
  }

  async save(product: Product): Promise<void> {
    const stored = this.#rows.get(product.id);
    if (stored === undefined || stored.version !== product.version) {
      throw new ConcurrencyConflictError("Product", product.id, product.version);
    }
    product.markSaved();
    this.#rows.set(product.id, product.snapshot());
  }

  async delete(id: string): Promise<boolean> {
    return this.#rows.delete(id);
  }

  async list(query: ProductQuery): Promise<Product[]> {
    const compare = comparator(query.sort);
    return [...this.#rows.values()]
      .map((row) => new Product(row))
      .filter((product) => query.currency === undefined || product.unitPrice.currency === query.currency)
      .filter((product) => query.inStock === undefined || product.stock > 0 === query.inStock)
      .sort(compare)
      .filter((product) => {
        const after = query.after;
        return after === undefined || compare(product, after) > 0;
      })
      .slice(0, query.limit);
  }
}

type Positioned = Product | { readonly key: number; readonly id: string };

/** Orders by the sort key, then by id, so the order is total and a position is never ambiguous. */
function comparator(sort: ProductSort): (a: Positioned, b: Positioned) => number {
  const direction = sort.startsWith("-") ? -1 : 1;
  const key = (item: Positioned) => (item instanceof Product ? sortKey(item, sort) : item.key);
  return (a, b) => {
    const byKey = (key(a) - key(b)) * direction;
    if (byKey !== 0) return byKey;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * direction;
  };
}
