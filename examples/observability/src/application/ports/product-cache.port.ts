import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.entity.ts";

/** A cache of catalogue entries (names and current prices). Fails with CacheConnectionError. */
export interface ProductCache {
  get(id: ProductId): Promise<Product | undefined>;
  set(product: Product): Promise<void>;
  /** Resolves when the cache server answers; health checks call it. */
  ping(): Promise<void>;
}
