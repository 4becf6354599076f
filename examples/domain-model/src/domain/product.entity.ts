import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";

/** A product in the catalogue, as an order sees it: a name and the current unit price. */
export class Product {
  readonly id: ProductId;
  readonly name: string;
  readonly unitPrice: Money;

  constructor(id: ProductId, name: string, unitPrice: Money) {
    this.id = id;
    this.name = name;
    this.unitPrice = unitPrice;
  }

  equals(other: Product): boolean {
    return this.id === other.id;
  }
}
