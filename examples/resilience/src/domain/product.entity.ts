import type { ProductId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";

/** A product of the catalog, as orders see it: an id, a name and its current unit price. */
export type Product = {
  readonly id: ProductId;
  readonly name: string;
  readonly unitPrice: Money;
};
