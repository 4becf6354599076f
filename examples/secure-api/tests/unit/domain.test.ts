import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BusinessRuleViolationError } from "../../src/domain/domain-error.ts";
import { Email } from "../../src/domain/email.value-object.ts";
import { Order } from "../../src/domain/order.entity.ts";
import { checkPasswordLength } from "../../src/domain/password-policy.ts";
import { knownRoles, permissionsOf } from "../../src/domain/roles.ts";

const violates = (rule: string) => (error: unknown) =>
  error instanceof BusinessRuleViolationError && error.rule === rule;

describe("password length (NIST SP 800-63B: 15 or more without a second factor)", () => {
  it("refuses 14 characters and accepts 15, counting characters rather than bytes", () => {
    assert.throws(() => checkPasswordLength("fourteen-chars"), violates("password.length"));
    assert.doesNotThrow(() => checkPasswordLength("fifteen-chars!!"));
    assert.doesNotThrow(() => checkPasswordLength("üüüüüüüüüüüüüüü"));
  });

  it("refuses more than 128 characters, so one login cannot cost unbounded hashing", () => {
    assert.throws(() => checkPasswordLength("x".repeat(129)), violates("password.length"));
  });

  it("has no composition rules: lower-case words and spaces are fine", () => {
    assert.doesNotThrow(() => checkPasswordLength("four lower case words"));
  });
});

describe("email", () => {
  it("normalises case and spaces, and refuses what is not an address", () => {
    assert.equal(Email.of("  Ada@Example.COM ").value, "ada@example.com");
    assert.throws(() => Email.of("ada.example.com"), violates("email.format"));
  });
});

describe("order", () => {
  const line = { productId: "p-1", quantity: 2, unitPrice: { minorUnits: 1250, currency: "EUR" } };
  const now = new Date("2026-12-01T12:00:00Z");

  it("needs a line, and quantities from 1 to 99", () => {
    assert.throws(() => Order.place("o-9", "c-1", [], now), violates("order.not-empty"));
    assert.throws(() => Order.place("o-9", "c-1", [{ ...line, quantity: 0 }], now), violates("quantity.range"));
  });

  it("totals its lines", () => {
    assert.deepEqual(Order.place("o-9", "c-1", [line], now).total(), { minorUnits: 2500, currency: "EUR" });
  });
});

describe("roles and permissions", () => {
  it("grants staff orders:read-any and customers only their own reads and placing", () => {
    assert.deepEqual(permissionsOf(["staff"]), ["orders:read", "orders:read-any"]);
    assert.deepEqual(permissionsOf(["customer"]), ["orders:place", "orders:read"]);
  });

  it("ignores roles it does not know, so a token cannot grant itself a new one", () => {
    assert.deepEqual(knownRoles(["admin", "customer", 42]), ["customer"]);
  });
});
