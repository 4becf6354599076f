import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.aggregate.ts";

/** Where products and their stock live. Whole aggregates in, whole aggregates out. */
export interface ProductRepository {
  findById(id: ProductId): Promise<Product | undefined>;
  /** All products, by id. */
  list(): Promise<Product[]>;
  /**
   * Stores the product's new state and bumps its version, but only if the stored version is still
   * the one `product` was read at; otherwise throws ConcurrencyConflictError and changes nothing.
   */
  save(product: Product): Promise<void>;
}
