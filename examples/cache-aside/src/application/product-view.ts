import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Product } from "../domain/product.entity.ts";

/** A product as callers see it, and as it is cached: plain, serialisable data. */
export type ProductView = { readonly id: string; readonly name: string; readonly price: MoneyJson };

/** Copies a product into its view. */
export function toProductView(product: Product): ProductView {
  return { id: product.id, name: product.name, price: product.price.toJSON() };
}
