import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Product } from "../domain/product.entity.ts";

/** A product as the outside world sees it. */
export type ProductDto = { readonly id: string; readonly name: string; readonly unitPrice: MoneyJson };

/** Copies a Product into its DTO. */
export function toProductDto(product: Product): ProductDto {
  return { id: product.id, name: product.name, unitPrice: product.unitPrice.toJSON() };
}
