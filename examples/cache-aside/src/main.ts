/**
 * The composition root: the one place that picks the adapters (an in-process LRU cache, or Redis
 * when REDIS_URL is set; an in-memory catalogue with simulated latency), hands them to the use
 * cases and starts the server.
 */
import { serve } from "@hono/node-server";
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { GetCacheStatsUseCase } from "./application/get-cache-stats.use-case.ts";
import { FailOpenCache } from "./application/fail-open-cache.ts";
import { GetProductUseCase } from "./application/get-product.use-case.ts";
import type { Cache } from "./application/ports/cache.port.ts";
import type { CachedProduct, ProductCacheTtls } from "./application/product-cache.ts";
import { SingleFlight } from "./application/single-flight.ts";
import { UpdateProductPriceUseCase } from "./application/update-product-price.use-case.ts";
import { InMemoryLruCache } from "./infrastructure/in-memory-lru-cache.ts";
import { InMemoryProductRepository } from "./infrastructure/in-memory-product.repository.ts";
import { seedProducts } from "./infrastructure/seed-products.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the cache's connection. */
  readonly shutdown: () => Promise<void>;
};

/** Cache settings, from the environment in main(). */
export type CacheSettings = {
  readonly maxEntries: number;
  readonly ttls: ProductCacheTtls;
  /** Simulated database round trip, so a MISS is visibly slower than a HIT. */
  readonly repositoryLatencyMs: number;
};

/**
 * Defaults: five minutes for a product, ten seconds for "not found". Three entries is tiny on
 * purpose, so you can watch LRU eviction by hand; size it to the working set in production.
 */
const DEFAULT_CACHE_SETTINGS: CacheSettings = {
  maxEntries: 3,
  ttls: { foundMs: 300_000, notFoundMs: 10_000 },
  repositoryLatencyMs: 50,
};

/** The cache the settings ask for, and how to let go of it at shutdown. */
type OpenCache = { readonly cache: Cache<CachedProduct>; readonly close: () => Promise<void> };

async function openCache(settings: CacheSettings, redisUrl: string | undefined): Promise<OpenCache> {
  if (redisUrl) {
    // Loaded only when configured, so the in-process setup, and the in-browser sandbox, never load the driver.
    const { connectRedis, RedisCache } = await import("./infrastructure/redis-cache.ts");
    const { cachedProductSchema } = await import("./infrastructure/cached-product.schema.ts");
    const client = await connectRedis(redisUrl);
    return { cache: new RedisCache(client, cachedProductSchema), close: () => client.close() };
  }
  const cache = new InMemoryLruCache<CachedProduct>({ clock: new SystemClock(), maxEntries: settings.maxEntries });
  return { cache, close: async () => undefined };
}

/** Wires the real adapters and listens on `port` (0 picks a free one). */
export async function startServer(options: {
  port: number;
  hostname?: string | undefined;
  cache?: CacheSettings;
  /** A Redis server, e.g. redis://127.0.0.1:6379; without one, an in-process LRU cache. */
  redisUrl?: string | undefined;
}): Promise<RunningServer> {
  const settings = options.cache ?? DEFAULT_CACHE_SETTINGS;
  const products = new InMemoryProductRepository(seedProducts(), { latencyMs: settings.repositoryLatencyMs });
  const opened = await openCache(settings, options.redisUrl);
  // A cache that cannot be reached behaves like an empty one: slower, never down.
  const cache = new FailOpenCache(opened.cache, (event, error) => console.warn(event, (error as Error).message));
  // One SingleFlight shared by reads and writes, so a write can detach a read that is loading.
  const loads = new SingleFlight<CachedProduct>();
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    getProduct: new GetProductUseCase({ products, cache, loads, ttls: settings.ttls }),
    updateProductPrice: new UpdateProductPriceUseCase({ products, cache, loads }),
    getCacheStats: new GetCacheStatsUseCase({ cache, loads }),
    // A cache that is down makes the service slower, not unready (reads still reach the repository),
    // so readiness does not ping Redis.
    isReady: () => !shuttingDown,
    reportUnexpectedError: (error) => console.error("unexpected error:", error),
  });

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        shutdown: async () => {
          shuttingDown = true; // /health/ready now answers 503, so a load balancer stops sending traffic
          // HTTP first (in-flight requests may still use the cache), then the cache's connection.
          await closeGracefully(server as Server);
          await opened.close();
        },
      });
    });
    // Not listening (the port is taken): let go of the cache's connection too, or it keeps the process alive.
    server.once("error", (error) => void opened.close().finally(() => reject(error)));
  });
}

/** Stops accepting connections and resolves once every in-flight request has been answered. */
function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    // close() drops idle keep-alive connections only once; keep dropping the ones that go idle
    // as in-flight requests finish, or close() would wait for their keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close((error) => {
      clearInterval(sweep);
      if (error) reject(error);
      else resolve();
    });
  });
}

/** A whole number from the environment within [min, max], or the default when unset. */
function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return number;
}

/** `npm start`: listen, then shut down gracefully on SIGTERM (container stop) or SIGINT (Ctrl+C). */
async function main(): Promise<void> {
  const server = await startServer({
    port: intFromEnv("PORT", 3000, 0, 65535),
    hostname: process.env.HOST || undefined,
    redisUrl: process.env.REDIS_URL || undefined,
    cache: {
      ...DEFAULT_CACHE_SETTINGS,
      maxEntries: intFromEnv("CACHE_MAX_ENTRIES", DEFAULT_CACHE_SETTINGS.maxEntries, 1, 1_000_000),
    },
  });
  console.log(`listening on ${server.url}`);

  const stop = (signal: string) => {
    console.log(`${signal} received, finishing in-flight requests`);
    // Requests still running after 10 s lose: the orchestrator would kill the process soon anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

/** True when this file is the program Node was started with (`node src/main.ts`), not a module a test imports. */
function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? "") === fileURLToPath(import.meta.url);
  } catch {
    return false; // argv[1] is not a file, e.g. a glob under `node --test`
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
