import { ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Product } from "../domain/product.entity.ts";

/** The catalogue at start (each saved once: version 1), under fixed ids so the README's requests work straight away. */
export const seedProducts = (): Product[] => [
  new Product(ProductId.of("p-1"), "Mechanical keyboard", Money.of(8900, "EUR"), 1),
  new Product(ProductId.of("p-2"), "USB-C cable", Money.of(990, "EUR"), 1),
  new Product(ProductId.of("p-3"), "27-inch monitor", Money.of(24900, "EUR"), 1),
  new Product(ProductId.of("p-4"), "Desk lamp", Money.of(3450, "EUR"), 1),
];
