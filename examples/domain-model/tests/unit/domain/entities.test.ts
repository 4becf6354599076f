import assert from "node:assert/strict";
import { test } from "node:test";
import { Customer } from "../../../src/domain/customer.entity.ts";
import { Email } from "../../../src/domain/email.value-object.ts";
import { CustomerId, ProductId } from "../../../src/domain/identifiers.ts";
import { Money } from "../../../src/domain/money.value-object.ts";
import { Product } from "../../../src/domain/product.entity.ts";

test("entities are equal when their ids are, whatever their other fields say", () => {
  const before = new Customer(CustomerId.of("c-1"), Email.of("ada@example.com"), "bronze");
  const after = new Customer(CustomerId.of("c-1"), Email.of("ada@new.example.com"), "gold");
  const someoneElse = new Customer(CustomerId.of("c-2"), Email.of("ada@example.com"), "bronze");
  assert.ok(before.equals(after));
  assert.ok(!before.equals(someoneElse));

  const product = new Product(ProductId.of("p-1"), "Keyboard", Money.of(8900, "EUR"));
  assert.ok(product.equals(new Product(ProductId.of("p-1"), "Renamed keyboard", Money.of(9900, "EUR"))));
});
