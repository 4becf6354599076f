import { ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Product } from "../domain/product.aggregate.ts";

/**
 * The products both adapters start with, under fixed ids so the README's requests work straight
 * away. p-3 has only 2 monitors left and p-4 is sold out, to try reservations that must fail.
 */
export const seedProducts = (): Product[] => [
  new Product({
    id: ProductId.of("p-1"),
    name: "Mechanical keyboard",
    unitPrice: Money.of(8900, "EUR"),
    stock: 10,
    version: 1,
  }),
  new Product({
    id: ProductId.of("p-2"),
    name: "USB-C cable",
    unitPrice: Money.of(990, "EUR"),
    stock: 100,
    version: 1,
  }),
  new Product({
    id: ProductId.of("p-3"),
    name: "27-inch monitor",
    unitPrice: Money.of(24900, "EUR"),
    stock: 2,
    version: 1,
  }),
  new Product({ id: ProductId.of("p-4"), name: "Desk lamp", unitPrice: Money.of(3450, "EUR"), stock: 0, version: 1 }),
];
