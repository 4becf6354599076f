import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FailOpenCache } from "../../src/application/fail-open-cache.ts";
import type { Cache } from "../../src/application/ports/cache.port.ts";
import { CacheConnectionError } from "../../src/application/ports/infrastructure-errors.ts";
import { productCacheKey, type CachedProduct } from "../../src/application/product-cache.ts";

/** One adapter under test, and the levers the contract needs to pull on it. */
export type CacheFixture = {
  readonly cache: Cache<CachedProduct>;
  /** Lets `ms` pass for the cache: advances a FakeClock, or really waits (Redis keeps its own time). */
  passTime(ms: number): Promise<void>;
  /**
   * The eviction test's numbers. `cold` entries plus `hot` ones fill the cache exactly once
   * `fillUp()` has run; `newcomers` more must then push entries out.
   */
  readonly eviction: {
    readonly cold: number;
    readonly hot: number;
    readonly newcomers: number;
    /** Makes what is stored now the most the cache holds (a no-op for a cache sized to cold + hot). */
    fillUp(): Promise<void>;
    /** How long to wait so a read counts as more recent than a write (Redis' LRU clock ticks once a second). */
    readonly recencyTickMs: number;
  };
};

/** What only a networked cache has; a reason to skip instead, for an in-process one. */
export type NetworkLevers = {
  /** A second fixture whose connection to the server `drop()` cuts, as a crashed server or a network split would. */
  dropped(): Promise<{ cache: Cache<CachedProduct>; drop(): Promise<void>; close(): Promise<void> }>;
  /** Stores a value of another type under `key` (a list), as another program sharing the server could. */
  plantWrongType(key: string): Promise<void>;
};

const product = (id: string, minorUnits = 1000): CachedProduct => ({
  found: true,
  product: { id, name: `Product ${id}`, price: { currency: "EUR", minorUnits } },
});

/** Warnings FailOpenCache reported, for the assertions. */
function recordingWarnings() {
  const events: { event: string; error: unknown }[] = [];
  return { events, warn: (event: string, error: unknown) => void events.push({ event, error }) };
}

/**
 * One contract for every Cache adapter: the in-process LRU always, Redis when REDIS_URL is set.
 * `keyPrefix` keeps a run's keys apart from anything else on a shared server.
 */
export function describeCacheContract(
  adapter: string,
  createFixture: () => Promise<CacheFixture>,
  network: NetworkLevers | string,
): void {
  const key = (name: string) => `contract:${process.pid}:${name}`;

  describe(`${adapter}: Cache contract`, () => {
    test("a stored entry comes back equal; an unknown key is undefined", async () => {
      const { cache } = await createFixture();
      await cache.set(key("a"), product("p-1"), 60_000);
      assert.deepEqual(await cache.get(key("a")), product("p-1"));
      assert.equal(await cache.get(key("unknown")), undefined);
      await cache.set(key("gone"), { found: false }, 60_000);
      assert.deepEqual(await cache.get(key("gone")), { found: false }, "a cached 'not found' is a hit, not a miss");
    });

    test("an entry expires after its TTL (with at most 10% jitter), and not before", async () => {
      const fixture = await createFixture();
      await fixture.cache.set(key("ttl"), product("p-1"), 400);
      assert.ok(await fixture.cache.get(key("ttl")), "still there right after the write");
      await fixture.passTime(200); // well inside 400 ms - 10%
      assert.ok(await fixture.cache.get(key("ttl")), "still there before the TTL");
      await fixture.passTime(400); // now past 400 ms + 10%
      assert.equal(await fixture.cache.get(key("ttl")), undefined);
    });

    test("delete removes an entry (the invalidation after a write)", async () => {
      const { cache } = await createFixture();
      await cache.set(key("del"), product("p-1"), 60_000);
      await cache.delete(key("del"));
      assert.equal(await cache.get(key("del")), undefined);
    });

    test("key versioning: an entry under the previous version's key is never read, and expires on its own", async () => {
      const fixture = await createFixture();
      const current = productCacheKey(`${process.pid}-p-1`);
      const previous = current.replace(/:v(\d+):/, (_, n: string) => `:v${Number(n) - 1}:`);
      assert.notEqual(previous, current);
      // Written by the previous release, in whatever shape it had; the current code never asks for that key.
      await fixture.cache.set(previous, product("p-1", 500), 400);
      assert.equal(await fixture.cache.get(current), undefined);
      await fixture.passTime(600);
      assert.equal(await fixture.cache.get(previous), undefined, "the old entry left by itself: it had a TTL");
    });

    test("when full, the least recently USED entries are evicted: recently read ones survive", async () => {
      const fixture = await createFixture();
      const { cold, hot, newcomers, fillUp, recencyTickMs } = fixture.eviction;
      const before = (await fixture.cache.counters()).evictions;
      for (let i = 0; i < hot; i += 1) await fixture.cache.set(key(`hot-${i}`), product(`h${i}`), 60_000);
      await Promise.all(
        Array.from({ length: cold }, (_, i) => fixture.cache.set(key(`cold-${i}`), product(`c${i}`), 60_000)),
      );
      await fillUp();
      await fixture.passTime(recencyTickMs);
      // The hot entries were written FIRST (oldest) but are read now: LRU keeps them, FIFO would not.
      for (let i = 0; i < hot; i += 1) assert.ok(await fixture.cache.get(key(`hot-${i}`)), `hot-${i} before`);
      await Promise.all(
        Array.from({ length: newcomers }, (_, i) => fixture.cache.set(key(`new-${i}`), product(`n${i}`), 60_000)),
      );

      const evicted = (await fixture.cache.counters()).evictions - before;
      assert.ok(evicted > 0, "the cache evicted to make room");
      for (let i = 0; i < hot; i += 1) {
        assert.ok(await fixture.cache.get(key(`hot-${i}`)), `hot-${i} was read recently and must survive`);
      }
      let coldLeft = 0;
      for (let i = 0; i < cold; i += 1) if (await fixture.cache.get(key(`cold-${i}`))) coldLeft += 1;
      assert.ok(coldLeft < cold, "unread entries made the room");
    });

    const skipNetwork = typeof network === "string" ? network : false;

    test(
      "fail-open: once the connection drops, reads are misses and writes are dropped, each reported",
      {
        skip: skipNetwork,
      },
      async () => {
        const levers = network as NetworkLevers;
        const broken = await levers.dropped();
        try {
          await broken.cache.set(key("fo"), product("p-1"), 60_000);
          assert.ok(await broken.cache.get(key("fo")), "works while connected");
          await broken.drop();

          // The adapter itself reports the outage as CacheConnectionError, keeping the driver's error as cause…
          const raw = await broken.cache.get(key("fo")).then(
            () => undefined,
            (error: unknown) => error,
          );
          assert.ok(raw instanceof CacheConnectionError, `expected CacheConnectionError, got ${String(raw)}`);
          assert.ok(raw.cause, "the driver's error is kept as the cause");

          // …and FailOpenCache turns it into a miss, so the request is served from the repository.
          const { events, warn } = recordingWarnings();
          const failOpen = new FailOpenCache(broken.cache, warn);
          assert.equal(await failOpen.get(key("fo")), undefined);
          await failOpen.set(key("fo"), product("p-1"), 60_000);
          await failOpen.delete(key("fo"));
          assert.deepEqual(
            events.map((e) => e.event),
            ["cache.read-failed", "cache.write-failed", "cache.delete-failed"],
          );
          assert.ok(events.every((e) => e.error instanceof CacheConnectionError));
        } finally {
          await broken.close();
        }
      },
    );

    test(
      "no fail-open on a programming error: WRONGTYPE surfaces, and is not reported as an outage",
      {
        skip: skipNetwork,
      },
      async () => {
        const levers = network as NetworkLevers;
        const { cache } = await createFixture();
        await levers.plantWrongType(key("list"));
        const { events, warn } = recordingWarnings();
        const failOpen = new FailOpenCache(cache, warn);
        await assert.rejects(failOpen.get(key("list")), (error: unknown) => {
          assert.ok(!(error instanceof CacheConnectionError), "a wrong type is a bug, not a connection failure");
          assert.match(String((error as Error).message), /WRONGTYPE/);
          return true;
        });
        assert.deepEqual(events, [], "nothing was swallowed");
      },
    );
  });
}
