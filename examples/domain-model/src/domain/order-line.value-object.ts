import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { Quantity } from "./quantity.value-object.ts";

/** One line of an order. Immutable: changing the quantity replaces the line; it has no life outside its order. */
export class OrderLine {
  readonly productId: ProductId;
  readonly quantity: Quantity;
  readonly unitPrice: Money;

  constructor(productId: ProductId, quantity: Quantity, unitPrice: Money) {
    this.productId = productId;
    this.quantity = quantity;
    this.unitPrice = unitPrice;
    Object.freeze(this);
  }

  get lineTotal(): Money {
    return this.unitPrice.times(this.quantity.value);
  }

  withQuantity(quantity: Quantity): OrderLine {
    return new OrderLine(this.productId, quantity, this.unitPrice);
  }
}
