import { BusinessRuleViolationError } from "./domain-error.ts";
import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";

/** Everything a product is made of; repositories build products from it. */
export type ProductState = {
  readonly id: ProductId;
  readonly name: string;
  readonly unitPrice: Money;
  readonly stock: number;
  readonly version: number;
};

/**
 * A product of the catalog. `version` is the version this copy was read at: saving it back succeeds
 * only if nobody saved a newer one in between (optimistic locking, checked by the repository's UPDATE).
 */
export class Product {
  readonly id: ProductId;
  readonly stock: number;
  #name: string;
  #unitPrice: Money;
  #version: number;

  constructor(state: ProductState) {
    if (!Number.isSafeInteger(state.stock) || state.stock < 0) {
      throw new BusinessRuleViolationError("product.stock-non-negative", "Stock is a whole number, never negative");
    }
    this.id = state.id;
    this.stock = state.stock;
    this.#name = state.name;
    this.#unitPrice = state.unitPrice;
    this.#version = state.version;
  }

  get name(): string {
    return this.#name;
  }

  get unitPrice(): Money {
    return this.#unitPrice;
  }

  /** The version this copy was read at. */
  get version(): number {
    return this.#version;
  }

  /** A new unit price, in the currency the product is already sold in. */
  changePrice(newPrice: Money): void {
    if (newPrice.currency !== this.#unitPrice.currency) {
      throw new BusinessRuleViolationError(
        "product.price-currency",
        `Product ${this.id} is sold in ${this.#unitPrice.currency}, not ${newPrice.currency}`,
      );
    }
    this.#unitPrice = newPrice;
  }

  /** A new display name (the name's length is checked at the edge; the column has a CHECK as well). */
  rename(name: string): void {
    this.#name = name;
  }

  /** Called by the repository once its compare-and-set stored this copy: it is now one version further. */
  markSaved(): void {
    this.#version += 1;
  }
}
