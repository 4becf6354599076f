import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { productCacheKey } from "../../src/application/product-cache.ts";
import { BusinessRuleViolationError, EntityNotFoundError } from "../../src/domain/domain-error.ts";
import { TEST_TTLS, testCatalogue } from "../fakes/test-catalogue.ts";

const EUR = (minorUnits: number) => ({ currency: "EUR", minorUnits });

describe("GetProductUseCase (cache-aside read)", () => {
  test("the first read misses and loads; the next one hits and does not touch the repository", async () => {
    const shop = testCatalogue();
    const first = await shop.getProduct.execute("p-1");
    const second = await shop.getProduct.execute("p-1");
    assert.equal(first.cache, "MISS");
    assert.equal(second.cache, "HIT");
    assert.deepEqual(second.product, first.product);
    assert.equal(shop.products.reads, 1);
  });

  test("entries live under versioned keys", async () => {
    const shop = testCatalogue();
    await shop.getProduct.execute("p-1");
    assert.equal(productCacheKey("p-1"), "product:v1:p-1");
    assert.ok(await shop.cache.get("product:v1:p-1"));
  });

  test("after the TTL the entry has expired and the product is loaded again", async () => {
    const shop = testCatalogue();
    await shop.getProduct.execute("p-1");
    shop.clock.advance(TEST_TTLS.foundMs);
    assert.equal((await shop.getProduct.execute("p-1")).cache, "MISS");
    assert.equal(shop.products.reads, 2);
  });

  test("N concurrent misses for one key make ONE repository call", async () => {
    const shop = testCatalogue();
    const hold = shop.products.holdNextRead();
    const reads = Promise.all(Array.from({ length: 10 }, () => shop.getProduct.execute("p-2")));
    await hold.reached;
    hold.release();
    const results = await reads;
    assert.equal(shop.products.reads, 1);
    assert.ok(results.every((r) => r.cache === "MISS" && r.product?.id === "p-2"));
    const stats = await shop.getCacheStats.execute();
    assert.deepEqual([stats.misses, stats.loads, stats.sharedLoads], [10, 1, 9]);
  });

  test("'not found' is cached too, for the short negative TTL", async () => {
    const shop = testCatalogue();
    assert.deepEqual(await shop.getProduct.execute("p-404"), { product: null, cache: "MISS" });
    assert.deepEqual(await shop.getProduct.execute("p-404"), { product: null, cache: "HIT" });
    assert.equal(shop.products.reads, 1);
    shop.clock.advance(TEST_TTLS.notFoundMs);
    assert.equal((await shop.getProduct.execute("p-404")).cache, "MISS");
    assert.equal(shop.products.reads, 2);
  });

  test("LRU eviction: with room for two, the least recently read product is the one reloaded", async () => {
    const shop = testCatalogue({ maxEntries: 2 });
    await shop.getProduct.execute("p-1");
    await shop.getProduct.execute("p-2");
    await shop.getProduct.execute("p-1"); // p-2 is now least recently used
    await shop.getProduct.execute("p-3"); // evicts p-2
    assert.equal((await shop.getProduct.execute("p-1")).cache, "HIT");
    assert.equal((await shop.getProduct.execute("p-2")).cache, "MISS");
  });

  test("the hit ratio is hits / (hits + misses)", async () => {
    const shop = testCatalogue();
    assert.equal((await shop.getCacheStats.execute()).hitRatio, 0);
    for (const id of ["p-1", "p-1", "p-1", "p-2"]) await shop.getProduct.execute(id);
    const stats = await shop.getCacheStats.execute();
    assert.deepEqual([stats.hits, stats.misses, stats.hitRatio], [2, 2, 0.5]);
  });
});

describe("UpdateProductPriceUseCase (invalidation on write)", () => {
  test("no stale read after an update: the entry is deleted once the write commits", async () => {
    const shop = testCatalogue();
    await shop.getProduct.execute("p-1"); // cached at EUR 89.00
    await shop.updateProductPrice.execute("p-1", EUR(7900));
    const after = await shop.getProduct.execute("p-1");
    assert.equal(after.cache, "MISS");
    assert.deepEqual(after.product?.price, EUR(7900));
  });

  test("a read that started before the update cannot put the old price back into the cache", async () => {
    const shop = testCatalogue();
    const hold = shop.products.holdNextRead();
    const slowRead = shop.getProduct.execute("p-1");
    await hold.reached; // the read has seen EUR 89.00 but not returned yet
    await shop.updateProductPrice.execute("p-1", EUR(7900)); // commits and invalidates meanwhile
    hold.release();
    assert.deepEqual((await slowRead).product?.price, EUR(8900), "that read began before the write");

    const next = await shop.getProduct.execute("p-1");
    assert.equal(next.cache, "MISS", "the late, stale load was not cached");
    assert.deepEqual(next.product?.price, EUR(7900));
  });

  test("two updates that read the same version: the later save is refused, and the first price stays", async () => {
    const shop = testCatalogue();
    const hold = shop.products.holdNextRead();
    const late = shop.updateProductPrice.execute("p-1", EUR(6900));
    await hold.reached; // the late update has read the product, and waits
    await shop.updateProductPrice.execute("p-1", EUR(7900)); // another update reads, saves and invalidates
    hold.release();
    await assert.rejects(late, (error: unknown) => (error as Error).name === "ConcurrencyConflictError");
    const read = await shop.getProduct.execute("p-1");
    assert.deepEqual(read.product?.price, EUR(7900), "the refused update overwrote nothing");
  });

  test("an unknown product is not found; a currency change breaks a rule; neither touches the cache", async () => {
    const shop = testCatalogue();
    await shop.getProduct.execute("p-1");
    await assert.rejects(shop.updateProductPrice.execute("p-404", EUR(100)), EntityNotFoundError);
    await assert.rejects(
      shop.updateProductPrice.execute("p-1", { currency: "USD", minorUnits: 100 }),
      (error: unknown) => error instanceof BusinessRuleViolationError && error.rule === "product.price-currency",
    );
    const read = await shop.getProduct.execute("p-1");
    assert.equal(read.cache, "HIT");
    assert.deepEqual(read.product?.price, EUR(8900));
  });
});
