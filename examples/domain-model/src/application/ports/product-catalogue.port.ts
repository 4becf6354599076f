import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.entity.ts";

/** Read access to the products an order can contain and their current prices. */
export interface ProductCatalogue {
  findById(id: ProductId): Promise<Product | undefined>;
}
