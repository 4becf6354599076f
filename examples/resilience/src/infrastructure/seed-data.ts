import { ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import type { Product } from "../domain/product.entity.ts";

/** The catalog the service starts with, so the README's requests work right away. */
export function seedProducts(): Product[] {
  return [
    { id: ProductId.of("p-1"), name: "Coffee beans, 1 kg", unitPrice: Money.of(2450, "EUR") },
    { id: ProductId.of("p-2"), name: "Enamel mug", unitPrice: Money.of(1200, "EUR") },
    { id: ProductId.of("p-3"), name: "Hand grinder", unitPrice: Money.of(8900, "EUR") },
  ];
}
