import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CacheConnectionError } from "../../src/application/ports/infrastructure-errors.ts";
import { GetProductUseCase } from "../../src/application/use-cases/get-product.use-case.ts";
import { EntityNotFoundError } from "../../src/domain/domain-error.ts";
import { FakeProductCache, FakeProductRepository } from "../fakes/fakes.ts";
import { beans } from "../fakes/fixtures.ts";
import { InMemoryLogger } from "../fakes/in-memory-logger.ts";

function setUp() {
  const products = new FakeProductRepository([beans]);
  const cache = new FakeProductCache();
  const logger = new InMemoryLogger();
  return { getProduct: new GetProductUseCase({ products, cache, logger }), products, cache, logger };
}

describe("GetProductUseCase", () => {
  it("reads the database once, then serves from the cache", async () => {
    const { getProduct, products } = setUp();
    const first = await getProduct.execute("p-1");
    assert.deepEqual(await getProduct.execute("p-1"), first);
    assert.equal(products.reads, 1);
  });

  it("survives a cache outage: reads the database and logs one warning per failed cache call", async () => {
    const { getProduct, cache, logger } = setUp();
    cache.down = true;
    assert.equal((await getProduct.execute("p-1")).name, "Coffee beans, 1 kg");
    assert.deepEqual(
      logger.entries.map((entry) => [entry.level, entry.event, entry.fields.operation]),
      [
        ["warn", "cache.unavailable", "get"],
        ["warn", "cache.unavailable", "set"],
      ],
    );
    assert.ok(logger.entries[0]?.fields.error instanceof CacheConnectionError);
  });

  it("does not hide errors it cannot handle", async () => {
    const { getProduct, cache } = setUp();
    cache.get = async () => {
      throw new TypeError("a bug in the cache adapter");
    };
    await assert.rejects(getProduct.execute("p-1"), TypeError);
  });

  it("throws EntityNotFoundError for an unknown product", async () => {
    await assert.rejects(setUp().getProduct.execute("p-404"), EntityNotFoundError);
  });
});
