import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.entity.ts";

/** The products orders can be placed for. */
export interface ProductCatalog {
  findByIds(ids: readonly ProductId[]): Promise<ReadonlyMap<ProductId, Product>>;
}
