import { BusinessRuleViolationError } from "./domain-error.ts";
import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";

/** A product of the catalogue, whose price can change. */
export class Product {
  readonly id: ProductId;
  readonly name: string;
  #price: Money;
  #version: number;

  /** `version`: how many times the product has been saved (0 for one never saved). */
  constructor(id: ProductId, name: string, price: Money, version = 0) {
    this.id = id;
    this.name = name;
    this.#price = price;
    this.#version = version;
  }

  get price(): Money {
    return this.#price;
  }

  /** The version this copy was read at; a repository saves it only if the stored one has not moved on. */
  get version(): number {
    return this.#version;
  }

  /** Called by a repository once its compare-and-set has stored this copy: it is now one version further. */
  markSaved(): void {
    this.#version += 1;
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
