import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Product } from "../domain/product.aggregate.ts";

/** A product with its version, so you can watch the version move. */
export type ProductView = {
  readonly id: string;
  readonly name: string;
  readonly unitPrice: MoneyJson;
  readonly stock: number;
  readonly version: number;
};

/** Copies a product into its view. */
export function toProductView(product: Product): ProductView {
  return {
    id: product.id,
    name: product.name,
    unitPrice: product.unitPrice.toJSON(),
    stock: product.stock,
    version: product.version,
  };
}
