import type { Cache } from "./ports/cache.port.ts";
import type { CachedProduct } from "./product-cache.ts";
import type { SingleFlight } from "./single-flight.ts";

/** How the product cache is doing. `loads` below `misses` is single-flight at work. */
export type CacheStats = {
  readonly hits: number;
  readonly misses: number;
  /** hits / (hits + misses), 0 before the first read. */
  readonly hitRatio: number;
  readonly size: number;
  readonly maxEntries: number | null;
  readonly evictions: number;
  /** Repository loads actually run. */
  readonly loads: number;
  /** Misses that waited for a load already running instead of starting one. */
  readonly sharedLoads: number;
};

/** What GetCacheStatsUseCase needs. */
export type GetCacheStatsDeps = { readonly cache: Cache<CachedProduct>; readonly loads: SingleFlight<CachedProduct> };

/** Reports the cache's counters. */
export class GetCacheStatsUseCase {
  private readonly deps: GetCacheStatsDeps;

  constructor(deps: GetCacheStatsDeps) {
    this.deps = deps;
  }

  async execute(): Promise<CacheStats> {
    const counters = await this.deps.cache.counters();
    const loads = this.deps.loads.counters();
    const reads = counters.hits + counters.misses;
    return {
      hits: counters.hits,
      misses: counters.misses,
      hitRatio: reads === 0 ? 0 : Math.round((counters.hits / reads) * 1000) / 1000,
      size: counters.size,
      maxEntries: counters.maxEntries,
      evictions: counters.evictions,
      loads: loads.started,
      sharedLoads: loads.joined,
    };
  }
}
