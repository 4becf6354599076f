import { BusinessRuleViolationError } from "./domain-error.ts";
import type { Money } from "./money.value-object.ts";

/** Everything a product is made of, as stored. */
export type ProductState = {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly unitPrice: Money;
  readonly stock: number;
  readonly createdAt: Date;
  readonly version: number;
};

/** The changes a merge patch can ask for: a missing field stays, `description: null` removes it. */
export type ProductChanges = {
  readonly name?: string;
  readonly description?: string | null;
  readonly unitPrice?: Money;
  readonly stock?: number;
};

/** A product of the catalog. `version` counts saves: it is the ETag clients send back in If-Match. */
export class Product {
  readonly id: string;
  readonly createdAt: Date;
  #name: string;
  #description: string | null;
  #unitPrice: Money;
  #stock: number;
  #version: number;

  constructor(state: ProductState) {
    this.id = state.id;
    this.createdAt = state.createdAt;
    this.#name = state.name;
    this.#description = state.description;
    this.#unitPrice = state.unitPrice;
    this.#stock = Product.checkedStock(state.stock);
    this.#version = state.version;
  }

  get name(): string {
    return this.#name;
  }
  get description(): string | null {
    return this.#description;
  }
  get unitPrice(): Money {
    return this.#unitPrice;
  }
  get stock(): number {
    return this.#stock;
  }
  get version(): number {
    return this.#version;
  }

  /** Applies the changes all together, or none of them when one breaks a rule. */
  change(changes: ProductChanges): void {
    const stock = changes.stock === undefined ? this.#stock : Product.checkedStock(changes.stock);
    if (changes.unitPrice !== undefined && changes.unitPrice.currency !== this.#unitPrice.currency) {
      throw new BusinessRuleViolationError(
        "product.price-currency",
        `Product ${this.id} is sold in ${this.#unitPrice.currency}; a new price must be too`,
      );
    }
    this.#name = changes.name ?? this.#name;
    if (changes.description !== undefined) this.#description = changes.description;
    this.#unitPrice = changes.unitPrice ?? this.#unitPrice;
    this.#stock = stock;
  }

  /** Called by a repository after its compare-and-set succeeded. */
  markSaved(): void {
    this.#version += 1;
  }

  snapshot(): ProductState {
    return {
      id: this.id,
      name: this.#name,
      description: this.#description,
      unitPrice: this.#unitPrice,
      stock: this.#stock,
      createdAt: this.createdAt,
      version: this.#version,
    };
  }

  private static checkedStock(stock: number): number {
    if (!Number.isSafeInteger(stock) || stock < 0) {
      throw new BusinessRuleViolationError("product.stock-non-negative", "Stock is a whole number, never negative");
    }
    return stock;
  }
}
