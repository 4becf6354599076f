import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { OrderPosition } from "../../src/application/ports/order.repository.port.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { orderAt } from "../fakes/shop-fixtures.ts";

describe("InMemoryOrderRepository.listNewestFirst", () => {
  // Two orders share a timestamp: the id must break the tie, or a page boundary between them would skip or repeat one.
  const orders = [
    orderAt("o-a", "2026-01-01T00:00:00.000Z"),
    orderAt("o-b", "2026-01-02T00:00:00.000Z"),
    orderAt("o-c", "2026-01-02T00:00:00.000Z"),
    orderAt("o-d", "2026-01-03T00:00:00.000Z"),
  ];

  it("walks every order exactly once, newest first, page by page", async () => {
    const repository = new InMemoryOrderRepository(orders);
    const seen: string[] = [];
    let after: OrderPosition | undefined;
    for (;;) {
      const page = await repository.listNewestFirst({ limit: 1, after });
      const last = page.at(-1);
      if (!last) break;
      seen.push(...page.map((order) => order.id));
      after = { createdAt: last.createdAt, id: last.id };
    }
    assert.deepEqual(seen, ["o-d", "o-c", "o-b", "o-a"]);
  });

  it("does not shift a page when a newer order arrives between requests", async () => {
    const repository = new InMemoryOrderRepository(orders);
    const first = await repository.listNewestFirst({ limit: 2 });
    await repository.add(orderAt("o-new", "2026-01-04T00:00:00.000Z"));
    const last = first.at(-1);
    assert.ok(last);
    const second = await repository.listNewestFirst({ limit: 2, after: { createdAt: last.createdAt, id: last.id } });
    assert.deepEqual(
      second.map((order) => order.id),
      ["o-b", "o-a"],
    );
  });
});
