import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
} from "redis";
import type { z } from "zod";
import type { Cache, CacheCounters } from "../application/ports/cache.port.ts";
import { CacheConnectionError } from "../application/ports/infrastructure-errors.ts";

export type RedisClient = ReturnType<typeof createClient>;

/** node-redis' own errors for "no connection" and "no answer in time". */
const CONNECTION_ERRORS = [
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
];

/**
 * Our own deadline for one command. node-redis' command timeout stops counting once the command is
 * written to the socket, so a server that accepts commands but never answers would hang the request.
 */
class NoAnswerInTime extends Error {}

/** Socket errors Node raises when the server is not there or goes away mid-command. */
const SOCKET_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);

/**
 * True when Redis could not be reached or did not answer in time. An error REPLY (`WRONGTYPE`, a
 * syntax error, `OOM` under the noeviction policy) is not one: Redis answered, and the command was wrong.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof NoAnswerInTime) return true;
  if (CONNECTION_ERRORS.some((type) => error instanceof type)) return true;
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  return typeof code === "string" && SOCKET_ERROR_CODES.has(code);
}

/**
 * The Cache port on Redis (node-redis 5): JSON values, checked by a zod schema on the way out, every
 * key written with a TTL (`SET key value PX ms`), jittered so keys written together do not all expire
 * in the same instant. Hits and misses are counted here; evictions and size come from the server.
 */
export class RedisCache<V> implements Cache<V> {
  readonly #redis: RedisClient;
  readonly #schema: z.ZodType<V>;
  readonly #jitter: number;
  readonly #timeoutMs: number;
  #hits = 0;
  #misses = 0;

  /**
   * `commandTimeoutMs` (default 250): how long a command may take before the cache counts as down;
   * a cache that answers late is worse than none. `ttlJitter` (default 0.1): ±10% on every TTL.
   */
  constructor(
    client: RedisClient,
    schema: z.ZodType<V>,
    options: { readonly ttlJitter?: number; readonly commandTimeoutMs?: number } = {},
  ) {
    this.#redis = client;
    this.#schema = schema;
    this.#jitter = options.ttlJitter ?? 0.1;
    this.#timeoutMs = options.commandTimeoutMs ?? 250;
  }

  async get(key: string): Promise<V | undefined> {
    const raw = await this.#call("get", () => this.#redis.get(key));
    if (raw === null) {
      this.#misses += 1;
      return undefined;
    }
    this.#hits += 1;
    // A value written by other code (an older shape under the same key) fails loudly here, never
    // half-filled: that is what the version in the key (product:v1:…) exists to prevent.
    return this.#schema.parse(JSON.parse(raw));
  }

  async set(key: string, value: V, ttlMs: number): Promise<void> {
    await this.#call("set", () =>
      this.#redis.set(key, JSON.stringify(value), { expiration: { type: "PX", value: this.#ttl(ttlMs) } }),
    );
  }

  async delete(key: string): Promise<void> {
    await this.#call("delete", () => this.#redis.del(key));
  }

  async counters(): Promise<CacheCounters> {
    const [size, stats] = await this.#call("counters", () =>
      Promise.all([this.#redis.dbSize(), this.#redis.info("stats")]),
    );
    const evicted = /^evicted_keys:(\d+)/m.exec(stats)?.[1];
    return {
      hits: this.#hits,
      misses: this.#misses,
      evictions: Number(evicted ?? 0), // the server's count, for every client of this Redis
      size, // keys in this database, whoever wrote them
      maxEntries: null, // Redis is bounded by maxmemory, not by a count
    };
  }

  /** ±jitter around the TTL, at least 1 ms. */
  #ttl(ms: number): number {
    return Math.max(1, Math.round(ms * (1 - this.#jitter + Math.random() * 2 * this.#jitter)));
  }

  /** Runs a command within the deadline; translates a connection failure or timeout, and only that. */
  async #call<T>(operation: string, command: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NoAnswerInTime(`no answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
    });
    try {
      return await Promise.race([command(), deadline]);
    } catch (error) {
      if (isConnectionFailure(error)) {
        throw new CacheConnectionError(`cache ${operation} failed: Redis unreachable or too slow`, { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** How to connect. (The per-command deadline is RedisCache's: see its constructor.) */
export type RedisConnectOptions = {
  /** How long opening a connection may take (default 250 ms), at startup and on every reconnect. */
  readonly connectTimeoutMs?: number;
  /** Where connection errors go while the client reconnects in the background (default: console.error). */
  readonly onError?: (error: Error) => void;
};

/**
 * Connects once, at startup (the composition root closes the client on shutdown, after the HTTP server).
 * While the connection is down, commands fail at once instead of queueing (disableOfflineQueue) and
 * the client keeps reconnecting in the background, backing off up to one second.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<RedisClient> {
  const client = createClient({
    url,
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 250,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 1_000),
    },
    disableOfflineQueue: true,
  });
  // An 'error' event without a listener crashes the process; the client reconnects on its own.
  const onError = options.onError ?? ((error: Error) => console.error("redis connection error:", error.message));
  client.on("error", onError);
  await client.connect();
  return client;
}
