import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DatabaseConnectionError, ExternalAPIError } from "../../src/application/ports/infrastructure-errors.ts";
import { PlaceOrderUseCase } from "../../src/application/use-cases/place-order.use-case.ts";
import { StateConflictError } from "../../src/domain/domain-error.ts";
import { InsufficientStockError } from "../../src/domain/order.errors.ts";
import { FakeClock } from "../fakes/fake-clock.ts";
import { FakeOrderRepository, FakeProductRepository, FakeStockGateway } from "../fakes/fakes.ts";
import { beans, mug } from "../fakes/fixtures.ts";

function setUp() {
  const orders = new FakeOrderRepository();
  const stock = new FakeStockGateway({ "p-1": 40, "p-2": 3 });
  const clock = new FakeClock();
  const placeOrder = new PlaceOrderUseCase({
    catalogue: new FakeProductRepository([beans, mug]),
    stock,
    orders,
    clock,
  });
  return { placeOrder, orders, stock };
}

describe("PlaceOrderUseCase", () => {
  it("stores an order the warehouse can fill", async () => {
    const { placeOrder, orders } = setUp();
    const dto = await placeOrder.execute({ lines: [{ productId: "p-2", quantity: 3 }] });
    assert.deepEqual(
      orders.added.map((order) => order.id),
      [dto.id],
    );
  });

  it("lets the domain's InsufficientStockError through unchanged, and stores nothing", async () => {
    const { placeOrder, orders } = setUp();
    await assert.rejects(placeOrder.execute({ lines: [{ productId: "p-2", quantity: 4 }] }), InsufficientStockError);
    assert.equal(orders.added.length, 0);
  });

  it("lets the warehouse's ExternalAPIError through unchanged (same object), and stores nothing", async () => {
    const { placeOrder, orders, stock } = setUp();
    const outage = new ExternalAPIError("warehouse", null, "GET /stock failed");
    stock.failure = outage;
    await assert.rejects(
      placeOrder.execute({ lines: [{ productId: "p-1", quantity: 1 }] }),
      (error) => error === outage,
    );
    assert.equal(orders.added.length, 0);
  });

  it("does not swallow a database failure while saving", async () => {
    const { stock } = setUp();
    const failingOrders = new FakeOrderRepository();
    failingOrders.add = async () => {
      throw new DatabaseConnectionError("database unreachable");
    };
    const placeOrder = new PlaceOrderUseCase({
      catalogue: new FakeProductRepository([beans]),
      stock,
      orders: failingOrders,
      clock: new FakeClock(),
    });
    await assert.rejects(placeOrder.execute({ lines: [{ productId: "p-1", quantity: 1 }] }), DatabaseConnectionError);
  });

  it("refuses an unknown product before asking the warehouse", async () => {
    const { placeOrder, stock } = setUp();
    stock.failure = new Error("the warehouse must not be called");
    await assert.rejects(
      placeOrder.execute({ lines: [{ productId: "p-404", quantity: 1 }] }),
      (error) => error instanceof StateConflictError && error.rule === "order.known-products",
    );
  });
});
