import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeCursor, encodeCursor } from "../../src/application/order-cursor.ts";
import { BusinessRuleViolationError } from "../../src/domain/domain-error.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Product } from "../../src/domain/product.aggregate.ts";

test("a product refuses negative stock (product.stock-non-negative) and counts its saves", () => {
  const state = { id: ProductId.of("p-1"), name: "Beans", unitPrice: Money.of(100, "EUR"), stock: 1, version: 0 };
  assert.throws(
    () => new Product({ ...state, stock: -1 }),
    (error: unknown) => error instanceof BusinessRuleViolationError && error.rule === "product.stock-non-negative",
  );
  const product = new Product(state);
  product.markSaved();
  assert.equal(product.version, 1);
});

test("a cursor round-trips and anything else is refused", () => {
  const cursor = { placedAt: "2026-11-30T09:00:00.000Z", id: "01a22bae-b680-7010-8101-010101010101" };
  assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor);
  assert.equal(decodeCursor("not-a-cursor"), undefined);
  assert.equal(decodeCursor(encodeCursor({ ...cursor, id: "1; DROP TABLE orders" })), undefined);
});
