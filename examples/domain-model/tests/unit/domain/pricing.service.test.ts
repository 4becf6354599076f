import assert from "node:assert/strict";
import { test } from "node:test";
import { Money } from "../../../src/domain/money.value-object.ts";
import { chooseDiscount } from "../../../src/domain/pricing.service.ts";
import { PromoCode } from "../../../src/domain/promo-code.value-object.ts";

const subtotal = Money.of(10000, "EUR");

test("each tier earns its discount: bronze 5 %, silver 10 %, gold 15 %", () => {
  assert.equal(chooseDiscount(subtotal, "bronze", undefined).amount.minorUnits, 500);
  assert.equal(chooseDiscount(subtotal, "silver", undefined).amount.minorUnits, 1000);
  assert.equal(chooseDiscount(subtotal, "gold", undefined).amount.minorUnits, 1500);
});

test("a promo code wins only when it beats the tier, and the two never add up", () => {
  const spring20 = PromoCode.of("SPRING20", 20);
  assert.deepEqual(chooseDiscount(subtotal, "gold", spring20), {
    source: "promo",
    percent: 20,
    amount: Money.of(2000, "EUR"),
  });
  assert.equal(chooseDiscount(subtotal, "silver", PromoCode.of("WELCOME5", 5)).source, "tier");
});

test("on a tie the tier discount is kept", () => {
  assert.equal(chooseDiscount(subtotal, "silver", PromoCode.of("TEN10", 10)).source, "tier");
});
