import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.entity.ts";

/** Where products live: the source of truth the cache sits in front of. */
export interface ProductRepository {
  findById(id: ProductId): Promise<Product | undefined>;
  /**
   * Stores the product only if the stored copy is still at `product.version`, then advances the
   * product's version; otherwise throws ConcurrencyConflictError and writes nothing. Once it
   * resolves, the write is committed.
   */
  save(product: Product): Promise<void>;
}
