import type { ProductId } from "../domain/identifiers.ts";
import type { Product } from "../domain/product.entity.ts";
import { CacheConnectionError } from "./ports/infrastructure-errors.ts";
import type { Logger } from "./ports/logger.port.ts";
import type { ProductCache } from "./ports/product-cache.port.ts";
import type { ProductRepository } from "./ports/product.repository.port.ts";

/**
 * The catalogue (names and current prices) read cache-aside: the cache first, the repository for what
 * it misses, then the cache is filled. A cache outage is survivable, so it is caught here, the one place
 * that can act on it: one warning per read, then the rest of the read skips the cache. Slower, not down;
 * that is what `/health/ready` reports as "degraded".
 */
export class ProductCatalogue {
  private readonly products: ProductRepository;
  private readonly cache: ProductCache;
  private readonly logger: Logger;

  constructor(deps: { products: ProductRepository; cache: ProductCache; logger: Logger }) {
    this.products = deps.products;
    this.cache = deps.cache;
    this.logger = deps.logger;
  }

  /** The products that exist among `ids`; unknown ids are absent from the result. */
  async findByIds(ids: readonly ProductId[]): Promise<Product[]> {
    const cache = { up: true };
    const found: Product[] = [];
    const missing: ProductId[] = [];
    for (const id of ids) {
      const cached = await this.tryCache(cache, "get", () => this.cache.get(id));
      if (cached) found.push(cached);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const loaded = await this.products.findByIds(missing);
    for (const product of loaded) await this.tryCache(cache, "set", () => this.cache.set(product));
    return [...found, ...loaded];
  }

  /** Runs a cache call unless the cache already failed in this read; a CacheConnectionError is logged once and becomes a miss. */
  private async tryCache<T>(cache: { up: boolean }, operation: string, call: () => Promise<T>): Promise<T | undefined> {
    if (!cache.up) return undefined;
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof CacheConnectionError)) throw error;
      cache.up = false;
      this.logger.warn("cache.unavailable", { operation, err: error });
      return undefined;
    }
  }
}
