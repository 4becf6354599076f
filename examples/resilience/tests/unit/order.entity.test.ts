import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BusinessRuleViolationError } from "../../src/domain/domain-error.ts";
import { CustomerId, OrderId, ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Order } from "../../src/domain/order.entity.ts";

const beans = { id: ProductId.of("p-1"), name: "Coffee beans, 1 kg", unitPrice: Money.of(2450, "EUR") };
const place = (lines: { quantity: number }[]) =>
  Order.place({
    id: OrderId.of("o-1"),
    customerId: CustomerId.of("c-1"),
    lines: lines.map(({ quantity }) => ({ product: beans, quantity })),
    placedAt: new Date("2026-03-01T10:00:00.000Z"),
  });
const rule = (id: string) => (error: unknown) => error instanceof BusinessRuleViolationError && error.rule === id;

describe("Order", () => {
  it("is placed pending with its total, and confirmed by a payment", () => {
    const order = place([{ quantity: 2 }]);
    assert.equal(order.status, "pending");
    assert.deepEqual(order.total().toJSON(), { currency: "EUR", minorUnits: 4900 });
    order.confirmPayment("pay-1");
    assert.deepEqual([order.status, order.paymentId], ["confirmed", "pay-1"]);
  });

  it("refuses no lines, more than 10 lines, and quantities outside 1 to 99", () => {
    assert.throws(() => place([]), rule("order.not-empty"));
    assert.throws(() => place(Array.from({ length: 11 }, () => ({ quantity: 1 }))), rule("order.max-lines"));
    assert.throws(() => place([{ quantity: 0 }]), rule("quantity.range"));
    assert.throws(() => place([{ quantity: 100 }]), rule("quantity.range"));
  });
});
