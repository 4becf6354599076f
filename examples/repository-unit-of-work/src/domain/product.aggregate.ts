import { BusinessRuleViolationError, StateConflictError } from "./domain-error.ts";
import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { Quantity } from "./quantity.value-object.ts";

/** Not enough units left to reserve what an order asks for: a conflict with the stock as it stands (409). */
export class InsufficientStockError extends StateConflictError {
  constructor(productId: ProductId, requested: number, available: number) {
    super("product.stock-available", `Product ${productId} has ${available} in stock; ${requested} requested`);
  }
}

/** Everything a product is made of; repositories build products from it. */
export type ProductState = {
  readonly id: ProductId;
  readonly name: string;
  readonly unitPrice: Money;
  readonly stock: number;
  readonly version: number;
};

/**
 * A product and its stock: an aggregate of its own, so reserving stock is one rule in one place.
 * `version` is the version this copy was read at; saving it back succeeds only if nobody has saved
 * a newer one in between (optimistic locking, checked by the repositories).
 */
export class Product {
  readonly id: ProductId;
  readonly name: string;
  readonly unitPrice: Money;
  #version: number;
  #stock: number;

  constructor(state: ProductState) {
    if (!Number.isSafeInteger(state.stock) || state.stock < 0) {
      throw new BusinessRuleViolationError("product.stock-non-negative", "Stock is a whole number, never negative");
    }
    this.id = state.id;
    this.name = state.name;
    this.unitPrice = state.unitPrice;
    this.#version = state.version;
    this.#stock = state.stock;
  }

  get stock(): number {
    return this.#stock;
  }

  /** The version this copy was read at; repositories save only if the stored one has not moved on. */
  get version(): number {
    return this.#version;
  }

  /** Called by a repository once its compare-and-set has stored this copy: it is now one version further. */
  markSaved(): void {
    this.#version += 1;
  }

  /** Takes `quantity` units out of stock for an order, or refuses if there are not enough. */
  reserve(quantity: Quantity): void {
    if (quantity.value > this.#stock) throw new InsufficientStockError(this.id, quantity.value, this.#stock);
    this.#stock -= quantity.value;
  }
}
