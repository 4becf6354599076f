import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { Quantity } from "./quantity.value-object.ts";

/** One line of an order: which product, how many, at the unit price of the moment it was ordered. */
export type OrderLine = {
  readonly productId: ProductId;
  readonly quantity: Quantity;
  readonly unitPrice: Money;
};
