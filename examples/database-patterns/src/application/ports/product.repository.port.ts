import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.aggregate.ts";

/** Where products live. Whole aggregates in, whole aggregates out. */
export interface ProductRepository {
  findById(id: ProductId): Promise<Product | undefined>;
  /**
   * Stores the product's new state with a compare-and-set on its version (`UPDATE … WHERE id = $1 AND
   * version = $2`). When the stored version has moved on, throws ConcurrencyConflictError and changes nothing.
   */
  save(product: Product): Promise<void>;
}
