import assert from "node:assert/strict";
import { test } from "node:test";
import { InMemoryLruCache } from "../../src/infrastructure/in-memory-lru-cache.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

const TTL = 1_000;

function cache(maxEntries = 3) {
  const clock = new FakeClock();
  return { clock, cache: new InMemoryLruCache<string>({ clock, maxEntries }) };
}

test("a stored key is a hit, an unknown key a miss, and the counters say so", async () => {
  const { cache: c } = cache();
  await c.set("a", "A", TTL);
  assert.equal(await c.get("a"), "A");
  assert.equal(await c.get("b"), undefined);
  assert.deepEqual(await c.counters(), { hits: 1, misses: 1, evictions: 0, size: 1, maxEntries: 3 });
});

test("an entry expires exactly at its TTL", async () => {
  const { cache: c, clock } = cache();
  await c.set("a", "A", TTL);
  clock.advance(TTL - 1);
  assert.equal(await c.get("a"), "A");
  clock.advance(1);
  assert.equal(await c.get("a"), undefined);
  assert.equal((await c.counters()).size, 0, "the expired entry is dropped on read");
});

test("when full, the least recently USED entry goes, not the first inserted", async () => {
  const { cache: c } = cache(3);
  await c.set("a", "A", TTL);
  await c.set("b", "B", TTL);
  await c.set("c", "C", TTL);
  await c.get("a"); // a is now the most recently used; b is the least
  await c.set("d", "D", TTL);

  assert.equal(await c.get("b"), undefined, "b was evicted");
  assert.equal(await c.get("a"), "A", "a survived although it was inserted first (FIFO would have dropped it)");
  assert.equal(await c.get("c"), "C");
  assert.equal(await c.get("d"), "D");
  assert.equal((await c.counters()).evictions, 1);
});

test("eviction follows use order step by step", async () => {
  const { cache: c } = cache(2);
  await c.set("a", "A", TTL);
  await c.set("b", "B", TTL);
  await c.get("a"); // order now: b, a
  await c.set("c", "C", TTL); // evicts b; order: a, c
  await c.get("a"); // order: c, a
  await c.set("d", "D", TTL); // evicts c
  assert.deepEqual(await Promise.all(["a", "b", "c", "d"].map((key) => c.get(key))), ["A", undefined, undefined, "D"]);
});

test("overwriting a key refreshes its value, TTL and recency without growing the cache", async () => {
  const { cache: c, clock } = cache(2);
  await c.set("a", "A1", TTL);
  await c.set("b", "B", TTL);
  clock.advance(TTL / 2);
  await c.set("a", "A2", TTL); // a is now most recent, with a fresh TTL
  await c.set("c", "C", TTL); // evicts b
  clock.advance(TTL / 2);
  assert.equal(await c.get("a"), "A2");
  assert.equal(await c.get("b"), undefined);
});

test("delete removes an entry", async () => {
  const { cache: c } = cache();
  await c.set("a", "A", TTL);
  await c.delete("a");
  assert.equal(await c.get("a"), undefined);
});
