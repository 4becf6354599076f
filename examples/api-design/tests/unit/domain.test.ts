import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BusinessRuleViolationError } from "../../src/domain/domain-error.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Order } from "../../src/domain/order.entity.ts";
import { Product } from "../../src/domain/product.entity.ts";

const violates = (rule: string) => (error: unknown) =>
  error instanceof BusinessRuleViolationError && error.rule === rule;

const eur = (cents: number) => Money.of(cents, "EUR");
const product = () =>
  new Product({
    id: "p-1",
    name: "Beans",
    description: "Dark",
    unitPrice: eur(2400),
    stock: 4,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    version: 0,
  });

describe("Product.change: a merge patch, applied whole or not at all", () => {
  it("keeps what the changes leave out and removes the description when it is null", () => {
    const beans = product();
    beans.change({ description: null, stock: 3 });
    assert.deepEqual([beans.name, beans.description, beans.stock], ["Beans", null, 3]);
  });

  it("changes nothing when one of the changes breaks a rule", () => {
    const beans = product();
    assert.throws(() => beans.change({ name: "New", stock: -1 }), violates("product.stock-non-negative"));
    assert.throws(
      () => beans.change({ name: "New", unitPrice: Money.of(100, "USD") }),
      violates("product.price-currency"),
    );
    assert.equal(beans.name, "Beans");
  });
});

describe("Order.place", () => {
  const line = (quantity: number, price = eur(100)) => ({ productId: "p-1", quantity, unitPrice: price });
  const place = (lines: ReturnType<typeof line>[]) =>
    Order.place({ id: "o-9", customerId: "c-1", lines, now: new Date("2026-02-01T00:00:00Z") });

  it("totals the lines", () => {
    assert.deepEqual(place([line(2), line(1, eur(50))]).total.toJSON(), { minorUnits: 250, currency: "EUR" });
  });

  it("refuses an empty order, an eleventh line, a quantity out of range and mixed currencies", () => {
    assert.throws(() => place([]), violates("order.not-empty"));
    assert.throws(() => place(Array.from({ length: 11 }, () => line(1))), violates("order.max-lines"));
    assert.throws(() => place([line(0)]), violates("quantity.range"));
    assert.throws(() => place([line(1), line(1, Money.of(100, "USD"))]), violates("money.same-currency"));
  });

  it("refuses money that is not ISO or not whole minor units", () => {
    assert.throws(() => Money.of(100, "XYZ"), violates("money.iso-currency"));
    assert.throws(() => Money.of(1.5, "EUR"), violates("money.non-negative-integer"));
  });
});
