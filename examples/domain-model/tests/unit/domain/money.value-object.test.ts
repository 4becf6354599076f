import assert from "node:assert/strict";
import { test } from "node:test";
import { BusinessRuleViolationError } from "../../../src/domain/domain-error.ts";
import { Money } from "../../../src/domain/money.value-object.ts";

const rule = (name: string) => (error: unknown) => error instanceof BusinessRuleViolationError && error.rule === name;

test("Money is created from integer minor units and an ISO currency", () => {
  const price = Money.of(1250, "EUR");
  assert.equal(price.minorUnits, 1250);
  assert.equal(price.currency, "EUR");
  assert.deepEqual(JSON.parse(JSON.stringify(price)), { currency: "EUR", minorUnits: 1250 });
});

test("Money rejects unknown currencies, fractions of a minor unit and negative amounts", () => {
  assert.throws(() => Money.of(100, "EURO"), rule("money.iso-currency"));
  assert.throws(() => Money.of(100, "eur"), rule("money.iso-currency"));
  assert.throws(() => Money.of(12.5, "EUR"), rule("money.non-negative-integer"));
  assert.throws(() => Money.of(-1, "EUR"), rule("money.non-negative-integer"));
});

test("Money adds, subtracts, multiplies and takes percentages without leaving whole minor units", () => {
  const a = Money.of(1000, "EUR");
  assert.ok(a.add(Money.of(250, "EUR")).equals(Money.of(1250, "EUR")));
  assert.ok(a.subtract(Money.of(250, "EUR")).equals(Money.of(750, "EUR")));
  assert.ok(a.times(3).equals(Money.of(3000, "EUR")));
  assert.ok(Money.of(999, "EUR").percentage(15).equals(Money.of(150, "EUR")), "149.85 rounds to 150");
});

test("Money never goes negative and never mixes currencies", () => {
  assert.throws(() => Money.of(100, "EUR").subtract(Money.of(101, "EUR")), rule("money.non-negative-integer"));
  assert.throws(() => Money.of(100, "EUR").add(Money.of(100, "USD")), rule("money.same-currency"));
});

test("Money is immutable and compared by value", () => {
  const price = Money.of(500, "EUR");
  assert.throws(() => {
    (price as { minorUnits: number }).minorUnits = 1;
  }, TypeError);
  assert.ok(price.equals(Money.of(500, "EUR")));
  assert.ok(!price.equals(Money.of(500, "GBP")));
});
