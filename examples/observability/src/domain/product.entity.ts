import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";

/** A product in the catalogue, with its current unit price. */
export class Product {
  readonly id: ProductId;
  readonly name: string;
  readonly unitPrice: Money;

  constructor(id: ProductId, name: string, unitPrice: Money) {
    this.id = id;
    this.name = name;
    this.unitPrice = unitPrice;
  }
}
