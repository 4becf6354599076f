import type { Cache, CacheCounters } from "./ports/cache.port.ts";
import { CacheConnectionError } from "./ports/infrastructure-errors.ts";

/** Where the decorator reports what it swallowed: an event name and the error. */
export type CacheWarning = (
  event: "cache.read-failed" | "cache.write-failed" | "cache.delete-failed",
  error: unknown,
) => void;

/**
 * Cache decorator: a cache that cannot be reached behaves like an empty one, so its outage costs
 * latency (every read goes to the repository) instead of failing requests. It hides ONLY
 * CacheConnectionError: any other error is a bug (a wrong type under a key, a bad value) and surfaces.
 */
export class FailOpenCache<V> implements Cache<V> {
  readonly #inner: Cache<V>;
  readonly #warn: CacheWarning;

  constructor(inner: Cache<V>, warn: CacheWarning) {
    this.#inner = inner;
    this.#warn = warn;
  }

  async get(key: string): Promise<V | undefined> {
    try {
      return await this.#inner.get(key);
    } catch (error) {
      if (!(error instanceof CacheConnectionError)) throw error; // a bug is not an outage: let it surface
      this.#warn("cache.read-failed", error);
      return undefined; // a miss: the caller loads from the repository
    }
  }

  async set(key: string, value: V, ttlMs: number): Promise<void> {
    try {
      await this.#inner.set(key, value, ttlMs);
    } catch (error) {
      if (!(error instanceof CacheConnectionError)) throw error;
      this.#warn("cache.write-failed", error);
    }
  }

  /**
   * A failed invalidation leaves a stale entry until its TTL runs out: that is why every entry has one.
   * The write it follows has committed, so failing the request would only lie to the client; report it loudly.
   */
  async delete(key: string): Promise<void> {
    try {
      await this.#inner.delete(key);
    } catch (error) {
      if (!(error instanceof CacheConnectionError)) throw error;
      this.#warn("cache.delete-failed", error);
    }
  }

  /** Counters are diagnostics, not a request path: an unreachable cache answers 503 there. */
  counters(): Promise<CacheCounters> {
    return this.#inner.counters();
  }
}
