import type {
  IdempotencyClaim,
  IdempotencyStore,
  StoredResponse,
} from "../application/ports/idempotency-store.port.ts";

type Entry = { fingerprint: string; response: StoredResponse | undefined; expiresAt: number };

/**
 * Idempotency keys in a Map, each kept for `ttlMs` (24 hours by default) after it was first used. One
 * process only: with several instances the store must be shared (a table with a unique key, or Redis SET NX).
 */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;

  constructor(options: { ttlMs?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
  }

  async begin(key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim> {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.expiresAt <= now.getTime()) {
      // Check and set with no await in between: JavaScript runs this atomically, like a unique insert.
      this.#entries.set(key, { fingerprint, response: undefined, expiresAt: now.getTime() + this.#ttlMs });
      return { kind: "claimed" };
    }
    if (entry.fingerprint !== fingerprint) return { kind: "mismatch" };
    if (entry.response === undefined) return { kind: "in-flight" };
    return { kind: "completed", response: entry.response };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) entry.response = response;
  }

  async release(key: string): Promise<void> {
    this.#entries.delete(key);
  }
}
