import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CustomerId, OrderId, ProductId } from "../../../src/domain/identifiers.ts";
import { Money } from "../../../src/domain/money.value-object.ts";
import { Order, type NewOrderLine } from "../../../src/domain/order.aggregate.ts";
import {
  EmptyOrderError,
  InvalidOrderTransitionError,
  OrderCannotBeCancelledError,
  OrderCurrencyMismatchError,
  OrderNotPendingError,
  TooManyOrderLinesError,
} from "../../../src/domain/order.errors.ts";
import { Quantity } from "../../../src/domain/quantity.value-object.ts";
import type { AppliedDiscount } from "../../../src/domain/pricing.service.ts";
import { aLine, anOrder } from "../../builders/order.builder.ts";

const now = new Date("2026-03-01T10:00:00.000Z");

function line(productId: string, quantity: number, minorUnits: number, currency = "EUR"): NewOrderLine {
  return {
    productId: ProductId.of(productId),
    quantity: Quantity.of(quantity),
    unitPrice: Money.of(minorUnits, currency),
  };
}

function pendingOrder(lines: NewOrderLine[] = [line("p-1", 2, 1000)]): Order {
  return Order.place({ id: OrderId.of("o-1"), customerId: CustomerId.of("c-1"), lines, promoCode: null, now });
}

const tenPercentOff = (order: Order): AppliedDiscount => ({
  source: "tier",
  percent: 10,
  amount: order.subtotal.percentage(10),
});

describe("placing an order", () => {
  test("the factory rejects an empty order", () => {
    assert.throws(() => pendingOrder([]), EmptyOrderError);
  });

  test("the factory rejects more than ten lines", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => line(`p-${i}`, 1, 100));
    assert.throws(() => pendingOrder(eleven), TooManyOrderLinesError);
  });

  test("a new order is pending, sums its lines, and records OrderPlaced with id, type and time", () => {
    const order = pendingOrder([line("p-1", 2, 1000), line("p-2", 1, 550)]);
    assert.equal(order.status, "pending");
    assert.ok(order.subtotal.equals(Money.of(2550, "EUR")));
    assert.ok(order.total.equals(order.subtotal));

    const [placed, ...rest] = order.pullEvents();
    assert.equal(rest.length, 0);
    assert.equal(placed?.type, "OrderPlaced");
    assert.match(placed?.id ?? "", /^[0-9a-f-]{36}$/);
    assert.deepEqual(placed?.occurredAt, now);
  });
});

describe("changing lines", () => {
  test("adding a product already in the order raises its quantity instead of adding a line", () => {
    const order = anOrder().build(); // two of p-1
    order.addLine(aLine({ productId: "p-1", quantity: 3 }));
    assert.deepEqual(
      order.lines.map((l) => l.quantity.value),
      [5],
    );
  });

  test("an order holds at most ten lines", () => {
    const ten = Array.from({ length: 10 }, (_, i) => aLine({ productId: `p-${i}` }));
    const order = anOrder()
      .withLines(...ten)
      .build();
    assert.throws(() => order.addLine(aLine({ productId: "p-new" })), TooManyOrderLinesError);
  });

  test("every line is priced in the order currency", () => {
    assert.throws(() => pendingOrder().addLine(line("p-usd", 1, 100, "USD")), OrderCurrencyMismatchError);
  });

  test("the last line cannot be removed: an order is never empty", () => {
    const order = pendingOrder([line("p-1", 1, 100), line("p-2", 1, 100)]);
    order.removeLine(ProductId.of("p-1"));
    assert.deepEqual(
      order.lines.map((l) => l.productId),
      ["p-2"],
    );
    assert.throws(() => order.removeLine(ProductId.of("p-2")), EmptyOrderError);
  });

  test("lines change only while the order is pending", () => {
    const order = pendingOrder([line("p-1", 1, 100), line("p-2", 1, 100)]);
    order.confirm(tenPercentOff(order), now);
    assert.throws(() => order.addLine(line("p-3", 1, 100)), OrderNotPendingError);
    assert.throws(() => order.removeLine(ProductId.of("p-1")), OrderNotPendingError);
  });

  test("the lines a caller gets are a frozen copy, so they cannot bypass the rules", () => {
    const order = pendingOrder();
    const lines = order.lines as unknown as unknown[];
    assert.throws(() => lines.push(line("p-9", 1, 1)), TypeError);
    assert.equal(order.lines.length, 1);
    assert.notEqual(order.lines, order.lines, "each read is a new copy");
  });
});

describe("the order lifecycle", () => {
  test("confirming fixes the discount and the total, once", () => {
    const order = pendingOrder([line("p-1", 2, 1000)]);
    order.confirm(tenPercentOff(order), now);
    assert.equal(order.status, "confirmed");
    assert.ok(order.total.equals(Money.of(1800, "EUR")));
    assert.throws(() => order.confirm(tenPercentOff(order), now), OrderNotPendingError);
  });

  test("pending → confirmed → shipped → delivered records one event per step", () => {
    const order = pendingOrder();
    order.confirm(tenPercentOff(order), now);
    order.ship(now);
    order.deliver(now);
    assert.deepEqual(
      order.pullEvents().map((event) => event.type),
      ["OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered"],
    );
  });

  test("steps cannot be skipped", () => {
    const order = pendingOrder();
    assert.throws(() => order.ship(now), InvalidOrderTransitionError);
    assert.throws(() => order.deliver(now), InvalidOrderTransitionError);
  });

  test("a pending or confirmed order can be cancelled, once", () => {
    const pending = pendingOrder();
    pending.cancel("changed my mind", now);
    assert.equal(pending.status, "cancelled");
    assert.throws(() => pending.cancel("again", now), InvalidOrderTransitionError);

    const confirmed = pendingOrder();
    confirmed.confirm(tenPercentOff(confirmed), now);
    confirmed.cancel("out of stock", now);
    assert.equal(confirmed.status, "cancelled");
  });

  test("a shipped or delivered order cannot be cancelled", () => {
    const order = pendingOrder();
    order.confirm(tenPercentOff(order), now);
    order.ship(now);
    assert.throws(() => order.cancel("too late", now), OrderCannotBeCancelledError);
    order.deliver(now);
    assert.throws(() => order.cancel("far too late", now), OrderCannotBeCancelledError);
  });
});

describe("events, identity and storage", () => {
  test("pullEvents drains: each event is handed over once", () => {
    const order = pendingOrder();
    assert.equal(order.pullEvents().length, 1);
    assert.equal(order.pullEvents().length, 0);
  });

  test("two orders are the same order when their ids match", () => {
    const a = pendingOrder([line("p-1", 1, 100)]);
    const b = pendingOrder([line("p-2", 9, 900)]);
    assert.ok(a.equals(b));
  });

  test("a snapshot restores an equal order that records no events", () => {
    const order = pendingOrder([line("p-1", 2, 1000)]);
    order.confirm(tenPercentOff(order), now);
    const restored = Order.restore(structuredClone(order.toSnapshot()));
    assert.deepEqual(restored.toSnapshot(), order.toSnapshot());
    assert.ok(restored.total.equals(order.total));
    assert.equal(restored.pullEvents().length, 0);
  });
});
