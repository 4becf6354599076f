import { GetCacheStatsUseCase } from "../../src/application/get-cache-stats.use-case.ts";
import { GetProductUseCase } from "../../src/application/get-product.use-case.ts";
import type { CachedProduct } from "../../src/application/product-cache.ts";
import { SingleFlight } from "../../src/application/single-flight.ts";
import { UpdateProductPriceUseCase } from "../../src/application/update-product-price.use-case.ts";
import { InMemoryLruCache } from "../../src/infrastructure/in-memory-lru-cache.ts";
import { CountingProductRepository } from "./counting-product.repository.ts";
import { FakeClock } from "./fake-clock.ts";

/** TTLs the tests reason about: a minute for a product, five seconds for "not found". */
export const TEST_TTLS = { foundMs: 60_000, notFoundMs: 5_000 };

/** The use cases wired to a counting repository, an LRU cache and a FakeClock. */
export function testCatalogue(options: { maxEntries?: number } = {}) {
  const clock = new FakeClock();
  const products = new CountingProductRepository();
  const cache = new InMemoryLruCache<CachedProduct>({ clock, maxEntries: options.maxEntries ?? 100 });
  const loads = new SingleFlight<CachedProduct>();
  return {
    clock,
    products,
    cache,
    getProduct: new GetProductUseCase({ products, cache, loads, ttls: TEST_TTLS }),
    updateProductPrice: new UpdateProductPriceUseCase({ products, cache, loads }),
    getCacheStats: new GetCacheStatsUseCase({ cache, loads }),
  };
}
