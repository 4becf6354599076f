import type { ProductId } from "../../domain/identifiers.ts";
import type { Money } from "../../domain/money.value-object.ts";

/** A product as an order needs it: its current price. */
export type CatalogProduct = { readonly id: ProductId; readonly name: string; readonly unitPrice: Money };

/** Read-only access to the product catalogue. */
export interface ProductCatalog {
  findById(id: ProductId): Promise<CatalogProduct | undefined>;
}
