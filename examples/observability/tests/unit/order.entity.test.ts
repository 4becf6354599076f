import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BusinessRuleViolationError } from "../../src/domain/domain-error.ts";
import { OrderId } from "../../src/domain/identifiers.ts";
import { Order } from "../../src/domain/order.entity.ts";
import { InsufficientStockError } from "../../src/domain/order.errors.ts";
import { beans, mug } from "../fakes/fixtures.ts";

const createdAt = new Date("2026-02-01T12:00:00.000Z");
const place = (lines: Parameters<typeof Order.place>[0]["lines"]) =>
  Order.place({ id: OrderId.of("o-1"), lines, createdAt });
const breaks = (rule: string) => (error: unknown) => error instanceof BusinessRuleViolationError && error.rule === rule;

describe("Order.place", () => {
  it("prices the lines and totals them", () => {
    const order = place([
      { product: beans, quantity: 2, inStock: 10 },
      { product: mug, quantity: 1, inStock: 10 },
    ]);
    assert.deepEqual(order.total().toJSON(), { currency: "EUR", minorUnits: 6100 });
  });

  it("raises InsufficientStockError, with the numbers, when the warehouse has too few", () => {
    assert.throws(
      () => place([{ product: mug, quantity: 5, inStock: 3 }]),
      (error) => error instanceof InsufficientStockError && error.requested === 5 && error.available === 3,
    );
  });

  it("counts two lines of one product against the same stock", () => {
    const twoLines = [
      { product: mug, quantity: 2, inStock: 3 },
      { product: mug, quantity: 2, inStock: 3 },
    ];
    assert.throws(
      () => place(twoLines),
      (error) => error instanceof InsufficientStockError && error.requested === 4,
    );
  });

  it("refuses no lines, more than 10 lines, and quantities below 1 or above 99", () => {
    assert.throws(() => place([]), breaks("order.not-empty"));
    assert.throws(
      () => place(Array.from({ length: 11 }, () => ({ product: beans, quantity: 1, inStock: 99 }))),
      breaks("order.max-lines"),
    );
    for (const quantity of [0, 100]) {
      assert.throws(() => place([{ product: beans, quantity, inStock: 999 }]), breaks("quantity.range"));
    }
  });
});
