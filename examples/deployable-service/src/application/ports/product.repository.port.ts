import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.entity.ts";

/** Where products come from. */
export interface ProductRepository {
  /** The products that exist among `ids`; unknown ids are simply absent from the result. */
  findByIds(ids: readonly ProductId[]): Promise<Product[]>;
}
