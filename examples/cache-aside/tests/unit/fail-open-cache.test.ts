import assert from "node:assert/strict";
import { test } from "node:test";
import { FailOpenCache } from "../../src/application/fail-open-cache.ts";
import { GetProductUseCase } from "../../src/application/get-product.use-case.ts";
import type { Cache, CacheCounters } from "../../src/application/ports/cache.port.ts";
import { CacheConnectionError } from "../../src/application/ports/infrastructure-errors.ts";
import type { CachedProduct } from "../../src/application/product-cache.ts";
import { SingleFlight } from "../../src/application/single-flight.ts";
import { CountingProductRepository } from "../fakes/counting-product.repository.ts";

/** A cache whose every call fails with the error given: an outage, or a bug. */
class FailingCache implements Cache<CachedProduct> {
  readonly #error: Error;
  constructor(error: Error) {
    this.#error = error;
  }
  async get(): Promise<CachedProduct | undefined> {
    throw this.#error;
  }
  async set(): Promise<void> {
    throw this.#error;
  }
  async delete(): Promise<void> {
    throw this.#error;
  }
  async counters(): Promise<CacheCounters> {
    throw this.#error;
  }
}

const outage = () => new CacheConnectionError("cache get failed", { cause: new Error("ECONNREFUSED") });

test("an unreachable cache reads as a miss and drops writes and deletes, reporting each", async () => {
  const events: string[] = [];
  const cache = new FailOpenCache(new FailingCache(outage()), (event) => void events.push(event));
  assert.equal(await cache.get("product:v1:p-1"), undefined);
  await cache.set("product:v1:p-1", { found: false }, 1_000);
  await cache.delete("product:v1:p-1");
  assert.deepEqual(events, ["cache.read-failed", "cache.write-failed", "cache.delete-failed"]);
});

test("any other error is a bug and surfaces from every operation, unreported", async () => {
  const events: string[] = [];
  const bug = new TypeError("cannot read properties of undefined");
  const cache = new FailOpenCache(new FailingCache(bug), (event) => void events.push(event));
  await assert.rejects(cache.get("k"), bug);
  await assert.rejects(cache.set("k", { found: false }, 1_000), bug);
  await assert.rejects(cache.delete("k"), bug);
  assert.deepEqual(events, []);
});

test("GetProduct through a cache that is down still answers, from the repository, every time", async () => {
  const products = new CountingProductRepository();
  const getProduct = new GetProductUseCase({
    products,
    cache: new FailOpenCache(new FailingCache(outage()), () => undefined),
    loads: new SingleFlight<CachedProduct>(),
    ttls: { foundMs: 60_000, notFoundMs: 5_000 },
  });
  const first = await getProduct.execute("p-1");
  const second = await getProduct.execute("p-1");
  assert.equal(first.product?.id, "p-1");
  assert.deepEqual([first.cache, second.cache], ["MISS", "MISS"]);
  assert.equal(products.reads, 2, "slower (every read reaches the repository), never down");
});
