import { BusinessRuleViolationError } from "./domain-error.ts";
import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";

/** A product of the catalogue, whose price can change. */
export class Product {
  readonly id: ProductId;
  readonly name: string;
  #price: Money;

  constructor(id: ProductId, name: string, price: Money) {
    this.id = id;
    this.name = name;
    this.#price = price;
  }

  get price(): Money {
    return this.#price;
  }

  /** Sets a new price in the product's currency; switching currency is a catalogue migration, not a price change. */
  changePrice(newPrice: Money): void {
    if (newPrice.currency !== this.#price.currency) {
      throw new BusinessRuleViolationError(
        "product.price-currency",
        `Product ${this.id} is priced in ${this.#price.currency}, not ${newPrice.currency}`,
      );
    }
    this.#price = newPrice;
  }
}
