import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.entity.ts";

/** Where products are stored. Fails only with DatabaseConnectionError (or a bug). */
export interface ProductRepository {
  findById(id: ProductId): Promise<Product | undefined>;
  /** The products that exist among `ids`; unknown ids are absent from the result. */
  findByIds(ids: readonly ProductId[]): Promise<Product[]>;
}
