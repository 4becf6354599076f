import type { Cache, CacheCounters } from "../application/ports/cache.port.ts";
import type { Clock } from "../application/ports/clock.port.ts";

type Entry<V> = { readonly value: V; readonly expiresAt: number };

/**
 * An in-process cache with a TTL per entry and a bounded size, evicting the least recently USED
 * entry (not the oldest inserted). A Map iterates in insertion order, so moving a key to the end on
 * every hit keeps the least recently used key first, ready to evict.
 */
export class InMemoryLruCache<V> implements Cache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #clock: Clock;
  readonly #maxEntries: number;
  #hits = 0;
  #misses = 0;
  #evictions = 0;

  constructor(options: { clock: Clock; maxEntries: number }) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError("maxEntries must be a whole number of at least 1");
    }
    this.#clock = options.clock;
    this.#maxEntries = options.maxEntries;
  }

  async get(key: string): Promise<V | undefined> {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.expiresAt <= this.#clock.now()) {
      this.#entries.delete(key); // an expired entry goes now, rather than waiting to be evicted
      this.#misses += 1;
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry); // now the most recently used
    this.#hits += 1;
    return entry.value;
  }

  async set(key: string, value: V, ttlMs: number): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#clock.now() + ttlMs });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
      this.#evictions += 1;
    }
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async counters(): Promise<CacheCounters> {
    return {
      hits: this.#hits,
      misses: this.#misses,
      evictions: this.#evictions,
      size: this.#entries.size,
      maxEntries: this.#maxEntries,
    };
  }
}
