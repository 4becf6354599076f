import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer, connect, type Socket } from "node:net";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { createClient } from "redis";
import { ZodError } from "zod";
import { FailOpenCache } from "../../src/application/fail-open-cache.ts";
import { CacheConnectionError } from "../../src/application/ports/infrastructure-errors.ts";
import { productCacheKey, type CachedProduct } from "../../src/application/product-cache.ts";
import { cachedProductSchema } from "../../src/infrastructure/cached-product.schema.ts";
import type {
  connectRedis as ConnectRedis,
  RedisCache as RedisCacheClass,
  RedisClient,
} from "../../src/infrastructure/redis-cache.ts";
import { startServer } from "../../src/main.ts";
import { describeCacheContract, type CacheFixture } from "../contract/cache.contract.ts";
import { realServer } from "./real-server.ts";

// The cache contract against a real Redis server through node-redis. The suite leaves the server as
// it found it: it deletes its own keys, and puts back the maxmemory that the eviction test lowers.
// Point REDIS_URL at a throwaway server all the same (npm run services:start starts one).
// The driver is imported only when the suite runs: `redis` is an optional dependency, absent in the browser runtimes.
const server = realServer("REDIS_URL", "a Redis server");
const quiet = () => undefined; // the dropped-connection tests make the client log every reconnect

/** A TCP proxy in front of Redis that a test can cut (connection dropped) or stall (no answers). */
async function proxyTo(target: URL) {
  const sockets = new Set<Socket>();
  let stalled = false;
  const proxy = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(upstream);
    client.on("data", (chunk) => upstream.write(chunk));
    upstream.on("data", (chunk) => stalled || client.write(chunk));
    for (const socket of [client, upstream]) {
      socket.on("error", () => undefined);
      socket.on("close", () => (client.destroy(), upstream.destroy()));
    }
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  const { port } = proxy.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Closes every connection and stops listening: reconnects are refused, as with a crashed server. */
    drop: async () => {
      proxy.close();
      for (const socket of sockets) socket.destroy();
    },
    stall: () => void (stalled = true),
    close: async () => {
      proxy.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}

if (server.skip) {
  test("Redis cache on a Redis server", { skip: server.skip }, () => undefined);
} else {
  const url = server.url as string;
  const prefix = `contract:${process.pid}:`;
  let admin: ReturnType<typeof createClient>;
  let client: RedisClient;
  let originalMaxmemory: string;
  let RedisCache: typeof RedisCacheClass;
  let connectRedis: typeof ConnectRedis;

  /** Deletes this run's keys and restores maxmemory: every test starts from the same server state. */
  async function resetServer(): Promise<void> {
    await admin.configSet("maxmemory", originalMaxmemory);
    for await (const keys of admin.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) await admin.unlink(keys);
    }
  }

  describe("Redis cache on a Redis server", () => {
    before(async () => {
      ({ RedisCache, connectRedis } = await import("../../src/infrastructure/redis-cache.ts"));
      const { createClient } = await import("redis");
      admin = createClient({ url });
      admin.on("error", quiet);
      await admin.connect();
      originalMaxmemory = (await admin.configGet("maxmemory")).maxmemory ?? "0";
      client = await connectRedis(url, { connectTimeoutMs: 5_000 });
    });

    after(async () => {
      await resetServer();
      await client?.close();
      await admin?.close();
    });

    test("the server evicts by LRU, as the eviction test below assumes (services.sh sets allkeys-lru)", async () => {
      const policy = (await admin.configGet("maxmemory-policy"))["maxmemory-policy"];
      assert.match(policy ?? "", /lru$/, `maxmemory-policy is ${policy}: with noeviction a full Redis refuses writes`);
    });

    describeCacheContract(
      "Redis",
      async (): Promise<CacheFixture> => {
        await resetServer();
        return {
          // A generous deadline: the contract is about behaviour, and a loaded CI machine is slow.
          cache: new RedisCache<CachedProduct>(client, cachedProductSchema, { commandTimeoutMs: 5_000 }),
          passTime: (ms) => sleep(ms),
          eviction: {
            cold: 2_000,
            hot: 10,
            newcomers: 500,
            // What is stored now becomes the limit: every newcomer must push an entry out.
            fillUp: async () => {
              const used = Number(/^used_memory:(\d+)/m.exec(await admin.info("memory"))?.[1]);
              await admin.configSet("maxmemory", String(used + 32 * 1024));
            },
            // Redis records the last access with a one-second clock: reads in the same second as the
            // writes would look just as old. Past the tick, the read entries are the recent ones.
            recencyTickMs: 1_100,
          },
        };
      },
      {
        dropped: async () => {
          const proxy = await proxyTo(new URL(url));
          const viaProxy = await connectRedis(proxy.url, { connectTimeoutMs: 5_000, onError: quiet });
          return {
            cache: new RedisCache<CachedProduct>(viaProxy, cachedProductSchema, { commandTimeoutMs: 5_000 }),
            drop: proxy.drop,
            close: async () => {
              viaProxy.destroy();
              await proxy.close();
            },
          };
        },
        plantWrongType: async (key) => void (await admin.lPush(key, "not a cached product")),
      },
    );

    test("a server that stops answering is CacheConnectionError after the command timeout, and fails open", async () => {
      const proxy = await proxyTo(new URL(url));
      const viaProxy = await connectRedis(proxy.url, { connectTimeoutMs: 5_000, onError: quiet });
      try {
        const cache = new RedisCache<CachedProduct>(viaProxy, cachedProductSchema, { commandTimeoutMs: 200 });
        proxy.stall();
        const began = performance.now();
        await assert.rejects(cache.get(`${prefix}slow`), CacheConnectionError);
        assert.ok(performance.now() - began < 2_000, "it gave up after its timeout, not the OS's");
        assert.equal(await new FailOpenCache(cache, quiet).get(`${prefix}slow`), undefined);
      } finally {
        viaProxy.destroy();
        await proxy.close();
      }
    });

    test("a value of another shape under a current key is refused loudly, never returned half-filled", async () => {
      await resetServer();
      const key = `${prefix}${productCacheKey("p-1")}`;
      await admin.set(key, JSON.stringify({ found: true, product: { id: "p-1" } }), {
        expiration: { type: "PX", value: 60_000 },
      });
      const failOpen = new FailOpenCache(new RedisCache<CachedProduct>(client, cachedProductSchema), quiet);
      await assert.rejects(failOpen.get(key), ZodError);
    });

    test("every entry is written with a TTL, jittered within ±10%", async () => {
      await resetServer();
      const cache = new RedisCache<CachedProduct>(client, cachedProductSchema);
      const ttls: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        await cache.set(`${prefix}jitter-${i}`, { found: false }, 100_000);
        ttls.push(await admin.pTTL(`${prefix}jitter-${i}`));
      }
      assert.ok(
        ttls.every((ttl) => ttl > 89_000 && ttl <= 110_000),
        `TTLs out of range: ${ttls.join(", ")}`,
      );
      assert.ok(new Set(ttls).size > 1, "keys written together do not all expire together");
    });

    test("the service with REDIS_URL: reads through Redis (MISS, then HIT), and a write invalidates", async () => {
      await admin.del([productCacheKey("p-1"), productCacheKey("p-2")]);
      const running = await startServer({ port: 0, redisUrl: url });
      try {
        const cacheOf = async (path: string) => (await fetch(`${running.url}${path}`)).headers.get("x-cache");
        assert.equal(await cacheOf("/products/p-1"), "MISS");
        assert.equal(await cacheOf("/products/p-1"), "HIT");
        assert.ok(await admin.get(productCacheKey("p-1")), "the entry is in Redis, where every instance sees it");
        const updated = await fetch(`${running.url}/products/p-1`, {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ price: { currency: "EUR", minorUnits: 7900 } }),
        });
        assert.equal(updated.status, 200);
        assert.equal(await admin.get(productCacheKey("p-1")), null, "the write deleted the entry");
        assert.equal(await cacheOf("/products/p-1"), "MISS");
        const stats = (await (await fetch(`${running.url}/cache/stats`)).json()) as { maxEntries: unknown };
        assert.equal(stats.maxEntries, null, "Redis is bounded by maxmemory, not by a count");
      } finally {
        await running.shutdown();
        await admin.del([productCacheKey("p-1"), productCacheKey("p-2")]);
      }
    });
  });
}
