import assert from "node:assert/strict";
import { test } from "node:test";
import { BusinessRuleViolationError } from "../../src/domain/domain-error.ts";
import { CustomerId, OrderId, ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Order } from "../../src/domain/order.aggregate.ts";
import { InsufficientStockError, Product } from "../../src/domain/product.aggregate.ts";
import { Quantity } from "../../src/domain/quantity.value-object.ts";

const keyboard = (stock: number) =>
  new Product({ id: ProductId.of("p-1"), name: "Keyboard", unitPrice: Money.of(8900, "EUR"), stock, version: 1 });

test("reserving takes units out of stock, down to zero and no further", () => {
  const product = keyboard(3);
  product.reserve(Quantity.of(2));
  product.reserve(Quantity.of(1));
  assert.equal(product.stock, 0);
  assert.throws(() => product.reserve(Quantity.of(1)), InsufficientStockError);
  assert.equal(product.stock, 0);
});

test("stock is a whole number, never negative", () => {
  assert.throws(() => keyboard(-1), BusinessRuleViolationError);
  assert.throws(() => keyboard(1.5), BusinessRuleViolationError);
});

test("an order has one to ten lines and totals them", () => {
  const line = { productId: ProductId.of("p-1"), quantity: Quantity.of(2), unitPrice: Money.of(8900, "EUR") };
  const place = (count: number) =>
    Order.place({
      id: OrderId.of("o-1"),
      customerId: CustomerId.of("c-1"),
      placedAt: new Date(),
      lines: Array.from({ length: count }, () => line),
    });
  assert.throws(() => place(0), BusinessRuleViolationError);
  assert.throws(() => place(11), BusinessRuleViolationError);
  assert.ok(place(10).total.equals(Money.of(178000, "EUR")));
  assert.throws(() => (place(1).lines as unknown[]).push(line), TypeError, "lines are frozen");
});
