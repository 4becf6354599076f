import type { Amount } from "../../domain/order.entity.ts";

/** The products' current prices; `undefined` for a product that does not exist. */
export interface ProductCatalogue {
  priceOf(productId: string): Promise<Amount | undefined>;
}
