import assert from "node:assert/strict";
import { test } from "node:test";
import { OrderId } from "../../../src/domain/identifiers.ts";
import { InMemoryOrderRepository } from "../../../src/infrastructure/in-memory-order.repository.ts";
import { seedOrders } from "../../../src/infrastructure/seed-data.ts";
import { ReadBarrierOrderRepository } from "../../fakes/read-barrier.order-repository.ts";
import { testShop } from "../../fakes/test-shop.ts";

test("ConfirmOrder and AddOrderLine racing on one order: one wins, the other is refused, nothing is lost", async () => {
  const stored = new InMemoryOrderRepository(seedOrders());
  // Both use cases read o-1 before either saves, as two requests arriving together would.
  const shop = testShop({ orders: new ReadBarrierOrderRepository(stored, 2) });

  const [confirm, addLine] = await Promise.allSettled([
    shop.useCases.confirmOrder.execute("o-1"),
    shop.useCases.addOrderLine.execute("o-1", { productId: "p-4", quantity: 1 }),
  ]);

  const outcomes = [confirm.status, addLine.status].sort();
  assert.deepEqual(outcomes, ["fulfilled", "rejected"], "exactly one of the two changes may be saved");
  const refused = confirm.status === "rejected" ? confirm : addLine;
  assert.equal(refused.status, "rejected");
  assert.equal((refused.reason as Error).name, "ConcurrencyConflictError");

  const order = await stored.findById(OrderId.of("o-1"));
  assert.ok(order);
  const confirmations = (await shop.publisher.list()).filter((event) => event.type === "OrderConfirmed");
  if (confirm.status === "fulfilled") {
    // The confirmed total that was announced is the total that was stored.
    assert.equal(order.status, "confirmed");
    assert.equal(confirmations.length, 1);
    assert.deepEqual(
      order.lines.map((line) => line.productId),
      ["p-1", "p-2"],
    );
  } else {
    assert.equal(order.status, "pending");
    assert.equal(confirmations.length, 0, "no OrderConfirmed for an order that was not confirmed");
    assert.deepEqual(
      order.lines.map((line) => line.productId),
      ["p-1", "p-2", "p-4"],
    );
  }
});
