/** Counters a cache keeps about itself. */
export type CacheCounters = {
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  readonly size: number;
  /** The bound on entries, or null when the cache is bounded by memory instead (Redis' maxmemory). */
  readonly maxEntries: number | null;
};

/**
 * A key-value cache with a time to live per entry: in memory here, Redis or Memcached in a fleet.
 * A miss, an expired entry and an evicted entry all look the same to callers: `undefined`.
 */
export interface Cache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  counters(): Promise<CacheCounters>;
}
