import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { Money } from "../../../src/domain/money.value-object.ts";
import { Order } from "../../../src/domain/order.aggregate.ts";
import { TooManyOrderLinesError } from "../../../src/domain/order.errors.ts";
import { aLine, anOrder } from "../../builders/order.builder.ts";
import { FakeClock } from "../../fakes/fake-clock.ts";

// Property-based tests: instead of a few hand-picked inputs, fast-check generates a hundred per property.
// When one fails, it shrinks it to the smallest counterexample it can find and prints it with the seed to replay it.

const eur = fc.integer({ min: 0, max: 10_000_000 }).map((units) => Money.of(units, "EUR"));

describe("Money properties", () => {
  test("adding is commutative and subtracting undoes it", () => {
    fc.assert(
      fc.property(eur, eur, (a, b) => {
        assert.ok(a.add(b).equals(b.add(a)));
        assert.ok(a.add(b).subtract(b).equals(a));
      }),
    );
  });

  test("a percentage is the exact share rounded to the nearest minor unit, never more than the whole", () => {
    fc.assert(
      fc.property(eur, fc.integer({ min: 0, max: 100 }), (amount, percent) => {
        const share = amount.percentage(percent).minorUnits;
        // In hundredths of a minor unit, so the check itself does no floating-point arithmetic.
        const error = share * 100 - amount.minorUnits * percent;
        assert.ok(error > -50 && error <= 50, `${percent} % of ${amount.minorUnits} gave ${share}`);
        assert.ok(share <= amount.minorUnits);
      }),
    );
  });
});

// Twelve products (two more than an order may hold), each with its own price.
const productIds = Array.from({ length: 12 }, (_, i) => `p-${i + 1}`);
const priceOf = (productId: string) => 125 * Number(productId.slice(2));
const pick = (productId: fc.Arbitrary<string>) => fc.record({ productId, quantity: fc.integer({ min: 1, max: 9 }) });

/** Lines naming one to twelve different products, then up to four more for products already named. */
const picks = fc
  .uniqueArray(pick(fc.constantFrom(...productIds)), { minLength: 1, maxLength: 12, selector: (p) => p.productId })
  .chain((distinct) =>
    fc
      .array(pick(fc.constantFrom(...distinct.map((p) => p.productId))), { maxLength: 4 })
      .map((repeats) => [...distinct, ...repeats]),
  );
const productsIn = (picked: readonly { productId: string }[]) => new Set(picked.map((p) => p.productId)).size;
const linesFor = (picked: readonly { productId: string; quantity: number }[]) =>
  picked.map(({ productId, quantity }) => aLine({ productId, quantity, minorUnits: priceOf(productId) }));

describe("Order invariants", () => {
  test("an order takes any lines naming at most ten products, keeps one line per product and sums them", () => {
    fc.assert(
      fc.property(picks, (picked) => {
        const placing = () =>
          anOrder()
            .withLines(...linesFor(picked))
            .build();
        if (productsIn(picked) > Order.MAX_LINES) return void assert.throws(placing, TooManyOrderLinesError);
        const order = placing();
        assert.equal(order.lines.length, productsIn(picked));
        const expected = picked.reduce((sum, p) => sum + p.quantity * priceOf(p.productId), 0);
        assert.equal(order.subtotal.minorUnits, expected);
      }),
    );
  });

  test("a confirmed total is the subtotal minus the discount, never negative", () => {
    const allowed = picks.filter((picked) => productsIn(picked) <= Order.MAX_LINES);
    fc.assert(
      fc.property(allowed, fc.integer({ min: 0, max: 100 }), (picked, percent) => {
        const order = anOrder()
          .withLines(...linesFor(picked))
          .build();
        const discount = { source: "promo" as const, percent, amount: order.subtotal.percentage(percent) };
        order.confirm(discount, new FakeClock().now());
        assert.equal(order.total.minorUnits, order.subtotal.minorUnits - discount.amount.minorUnits);
        assert.ok(order.total.minorUnits >= 0);
      }),
    );
  });
});
