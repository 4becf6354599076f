import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ListOrdersUseCase } from "../../src/application/use-cases/list-orders.use-case.ts";
import { FakeOrderRepository } from "../fakes/fake-repositories.ts";
import { orderAt } from "../fakes/shop-fixtures.ts";

async function repositoryWith(count: number): Promise<FakeOrderRepository> {
  const orders = new FakeOrderRepository();
  for (let i = 0; i < count; i++) await orders.add(orderAt(`o-${i}`, `2026-01-0${i + 1}T00:00:00.000Z`));
  return orders;
}

describe("ListOrdersUseCase", () => {
  it("asks for one row more than the page, and points `next` at the last order shown", async () => {
    const orders = await repositoryWith(3);
    const page = await new ListOrdersUseCase({ orders }).execute({ limit: 2 });
    assert.equal(orders.lastListQuery?.limit, 3);
    assert.deepEqual(
      page.items.map((order) => order.id),
      ["o-0", "o-1"],
    );
    assert.deepEqual(page.next, { createdAt: new Date("2026-01-02T00:00:00.000Z"), id: "o-1" });
  });

  it("returns next = null on the last page", async () => {
    const page = await new ListOrdersUseCase({ orders: await repositoryWith(2) }).execute({ limit: 2 });
    assert.equal(page.items.length, 2);
    assert.equal(page.next, null);
  });
});
