import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BusinessRuleViolationError } from "../../src/domain/domain-error.ts";
import { Money } from "../../src/domain/money.value-object.ts";

describe("Money", () => {
  it("adds and multiplies in minor units, without floating-point drift", () => {
    const total = Money.of(10, "EUR").times(3).add(Money.of(20, "EUR"));
    assert.deepEqual(total.toJSON(), { currency: "EUR", minorUnits: 50 });
  });

  it("refuses to add two currencies", () => {
    assert.throws(
      () => Money.of(100, "EUR").add(Money.of(100, "USD")),
      (error) => error instanceof BusinessRuleViolationError && error.rule === "money.same-currency",
    );
  });

  it("refuses negative, fractional and non-ISO amounts", () => {
    for (const make of [() => Money.of(-1, "EUR"), () => Money.of(1.5, "EUR"), () => Money.of(1, "EURO")]) {
      assert.throws(make, BusinessRuleViolationError);
    }
  });

  it("is a value: equal when amount and currency are equal, and immutable", () => {
    assert.ok(Money.of(5, "EUR").equals(Money.of(5, "EUR")));
    assert.ok(!Money.of(5, "EUR").equals(Money.of(5, "GBP")));
    assert.ok(Object.isFrozen(Money.of(5, "EUR")));
  });
});
