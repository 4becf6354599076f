import { ProductId } from "../domain/identifiers.ts";
import type { Cache } from "./ports/cache.port.ts";
import type { ProductRepository } from "./ports/product.repository.port.ts";
import { productCacheKey, type CachedProduct, type ProductCacheTtls } from "./product-cache.ts";
import { toProductView, type ProductView } from "./product-view.ts";
import type { SingleFlight } from "./single-flight.ts";

/** A read and where it came from: the cache (HIT) or the repository (MISS). `product` is null when it does not exist. */
export type ProductRead = { readonly product: ProductView | null; readonly cache: "HIT" | "MISS" };

/** What GetProductUseCase needs. */
export type GetProductDeps = {
  readonly products: ProductRepository;
  readonly cache: Cache<CachedProduct>;
  readonly loads: SingleFlight<CachedProduct>;
  readonly ttls: ProductCacheTtls;
};

/** Reads a product through the cache (cache-aside): try the cache, on a miss load and fill it. */
export class GetProductUseCase {
  private readonly deps: GetProductDeps;

  constructor(deps: GetProductDeps) {
    this.deps = deps;
  }

  async execute(productId: string): Promise<ProductRead> {
    const { products, cache, loads, ttls } = this.deps;
    const key = productCacheKey(productId);

    const cached = await cache.get(key);
    if (cached !== undefined) return { product: cached.found ? cached.product : null, cache: "HIT" };

    // Concurrent misses for this key share one load instead of all querying the repository.
    const loaded = await loads.run(key, async (isCurrent) => {
      const product = await products.findById(ProductId.of(productId));
      const entry: CachedProduct = product ? { found: true, product: toProductView(product) } : { found: false };
      // If a write invalidated the key while we were loading, what we read may be stale: do not cache it.
      if (isCurrent()) await cache.set(key, entry, entry.found ? ttls.foundMs : ttls.notFoundMs);
      return entry;
    });
    return { product: loaded.found ? loaded.product : null, cache: "MISS" };
  }
}
