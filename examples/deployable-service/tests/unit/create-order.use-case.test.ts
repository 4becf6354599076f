import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CreateOrderUseCase } from "../../src/application/use-cases/create-order.use-case.ts";
import { StateConflictError } from "../../src/domain/domain-error.ts";
import { FakeClock } from "../fakes/fake-clock.ts";
import { FakeCustomerRepository, FakeOrderRepository, FakeProductRepository } from "../fakes/fake-repositories.ts";
import { ada, beans, grace, mug } from "../fakes/shop-fixtures.ts";

function setUp() {
  const orders = new FakeOrderRepository();
  const clock = new FakeClock();
  const createOrder = new CreateOrderUseCase({
    customers: new FakeCustomerRepository([ada, grace]),
    products: new FakeProductRepository([beans, mug]),
    orders,
    clock,
  });
  return { createOrder, orders, clock };
}

function breaks(rule: string) {
  return (error: unknown) => error instanceof StateConflictError && error.rule === rule;
}

describe("CreateOrderUseCase", () => {
  it("stores the order and returns it as plain data, stamped by the clock", async () => {
    const { createOrder, orders, clock } = setUp();
    const dto = await createOrder.execute({ customerId: "c-1", lines: [{ productId: "p-2", quantity: 3 }] });
    assert.equal(orders.added.length, 1);
    assert.equal(orders.added[0]?.id, dto.id);
    assert.deepEqual(dto.total, { currency: "EUR", minorUnits: 3600 });
    assert.equal(dto.createdAt, clock.now().toISOString());
  });

  it("refuses an unknown customer or product and stores nothing", async () => {
    const { createOrder, orders } = setUp();
    await assert.rejects(
      createOrder.execute({ customerId: "c-404", lines: [{ productId: "p-1", quantity: 1 }] }),
      breaks("order.known-customer"),
    );
    await assert.rejects(
      createOrder.execute({ customerId: "c-1", lines: [{ productId: "p-404", quantity: 1 }] }),
      breaks("order.known-products"),
    );
    assert.equal(orders.added.length, 0);
  });

  it("lets the domain refuse an inactive customer, and stores nothing", async () => {
    const { createOrder, orders } = setUp();
    await assert.rejects(
      createOrder.execute({ customerId: "c-2", lines: [{ productId: "p-1", quantity: 1 }] }),
      breaks("order.customer-active"),
    );
    assert.equal(orders.added.length, 0);
  });
});
