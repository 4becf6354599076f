import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConcurrencyConflictError } from "../../src/application/ports/concurrency-errors.ts";
import { InMemoryProductRepository } from "../../src/infrastructure/in-memory-product.repository.ts";
import { seedProducts } from "../../src/infrastructure/seed-data.ts";

describe("InMemoryProductRepository", () => {
  it("lists strictly after a position, breaking ties in the sort key by id", async () => {
    const repository = new InMemoryProductRepository(seedProducts());
    const page = await repository.list({ sort: "-unitPrice", after: { key: 2400, id: "p-1" }, limit: 10 });
    assert.deepEqual(
      page.map((product) => product.id),
      ["p-5", "p-3"],
    );
  });

  it("saves with compare-and-set: a second save from the same read is refused", async () => {
    const repository = new InMemoryProductRepository(seedProducts());
    const first = await repository.get("p-1");
    const second = await repository.get("p-1");
    assert.ok(first && second);
    first.change({ stock: 1 });
    await repository.save(first);
    second.change({ stock: 2 });
    await assert.rejects(repository.save(second), ConcurrencyConflictError);
    assert.equal((await repository.get("p-1"))?.stock, 1);
  });
});
