import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BusinessRuleViolationError, StateConflictError } from "../../src/domain/domain-error.ts";
import { OrderId } from "../../src/domain/identifiers.ts";
import { Order } from "../../src/domain/order.entity.ts";
import { ada, beans, grace, mug } from "../fakes/shop-fixtures.ts";

const createdAt = new Date("2026-02-01T12:00:00.000Z");

function placeWith(overrides: Partial<Parameters<typeof Order.place>[0]>): Order {
  return Order.place({
    id: OrderId.of("o-1"),
    customer: ada,
    lines: [{ product: beans, quantity: 1 }],
    createdAt,
    ...overrides,
  });
}

function breaks(rule: string) {
  return (error: unknown) =>
    (error instanceof BusinessRuleViolationError || error instanceof StateConflictError) && error.rule === rule;
}

describe("Order.place", () => {
  it("copies each product's price into its line and totals the lines", () => {
    const order = placeWith({
      lines: [
        { product: beans, quantity: 2 },
        { product: mug, quantity: 1 },
      ],
    });
    assert.deepEqual(
      order.lines.map((line) => [line.productId, line.quantity, line.unitPrice.minorUnits]),
      [
        ["p-1", 2, 2450],
        ["p-2", 1, 1200],
      ],
    );
    assert.deepEqual(order.total().toJSON(), { currency: "EUR", minorUnits: 6100 });
  });

  it("refuses an inactive customer", () => {
    assert.throws(() => placeWith({ customer: grace }), breaks("order.customer-active"));
  });

  it("refuses an order without lines", () => {
    assert.throws(() => placeWith({ lines: [] }), breaks("order.not-empty"));
  });

  it("accepts 10 lines and refuses 11", () => {
    const lines = (count: number) => Array.from({ length: count }, () => ({ product: mug, quantity: 1 }));
    assert.equal(placeWith({ lines: lines(10) }).lines.length, 10);
    assert.throws(() => placeWith({ lines: lines(11) }), breaks("order.max-lines"));
  });

  it("refuses a quantity below 1, above 99 or not whole", () => {
    for (const quantity of [0, -2, 1.5, 100]) {
      assert.throws(() => placeWith({ lines: [{ product: beans, quantity }] }), breaks("quantity.range"));
    }
  });

  it("cannot be changed after it is placed", () => {
    const order = placeWith({});
    assert.throws(() => (order.lines as unknown as unknown[]).push({}), TypeError);
  });
});
