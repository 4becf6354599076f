import assert from "node:assert/strict";
import { test } from "node:test";
import { ConcurrencyConflictError } from "../../src/application/ports/storage-errors.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import type { Product } from "../../src/domain/product.aggregate.ts";
import { Quantity } from "../../src/domain/quantity.value-object.ts";
import { seedProducts } from "../../src/infrastructure/seed-products.ts";
import { describeStorageContract, type Storage } from "../contract/storage.contract.ts";
import { inMemoryStorage } from "../fakes/in-memory-storage.ts";

describeStorageContract("in-memory", inMemoryStorage);

test("in-memory: of two interleaved units of work reserving the same product, the later commit conflicts", async () => {
  // PGlite has one connection, so its transactions never interleave; the in-memory fake's can,
  // which is how two requests race on a real Postgres server.
  const storage = await inMemoryStorage(seedProducts());
  const p1 = ProductId.of("p-1");
  let releaseSlow: () => void = () => undefined;
  const slowMayFinish = new Promise<void>((resolve) => (releaseSlow = resolve));

  const reserveOne = async (repo: Storage["products"], pause: Promise<void>) => {
    const product = (await repo.findById(p1)) as Product;
    await pause;
    product.reserve(Quantity.of(1));
    await repo.save(product);
  };
  const slow = storage.uowFactory().run(({ products }) => reserveOne(products, slowMayFinish));
  await storage.uowFactory().run(({ products }) => reserveOne(products, Promise.resolve()));
  releaseSlow();

  await assert.rejects(slow, ConcurrencyConflictError);
  const stored = await storage.products.findById(p1);
  assert.equal(stored?.stock, 9, "only the first reservation counts");
  assert.equal(stored?.version, 2);
});
