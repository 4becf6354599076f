import assert from "node:assert/strict";
import { test } from "node:test";
import { BusinessRuleViolationError } from "../../../src/domain/domain-error.ts";
import { Email } from "../../../src/domain/email.value-object.ts";
import { Quantity } from "../../../src/domain/quantity.value-object.ts";

test("Email is normalised, so two spellings of one address are equal", () => {
  const email = Email.of("  Ada.Lovelace@Example.COM ");
  assert.equal(email.value, "ada.lovelace@example.com");
  assert.ok(email.equals(Email.of("ada.lovelace@example.com")));
});

test("Email rejects strings that are not addresses", () => {
  for (const raw of ["", "ada", "ada@", "@example.com", "ada@example", "a da@example.com", "a@b@example.com"]) {
    assert.throws(() => Email.of(raw), BusinessRuleViolationError, raw);
  }
});

test("Quantity accepts whole numbers from 1 to 99 only", () => {
  assert.equal(Quantity.of(1).value, 1);
  assert.equal(Quantity.of(99).value, 99);
  for (const value of [0, 100, -3, 1.5, Number.NaN]) {
    assert.throws(() => Quantity.of(value), BusinessRuleViolationError, String(value));
  }
});

test("Quantity sums stay within the bound", () => {
  assert.equal(Quantity.of(40).add(Quantity.of(59)).value, 99);
  assert.throws(() => Quantity.of(50).add(Quantity.of(50)), BusinessRuleViolationError);
});
