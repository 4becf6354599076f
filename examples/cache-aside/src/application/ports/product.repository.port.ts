import type { ProductId } from "../../domain/identifiers.ts";
import type { Product } from "../../domain/product.entity.ts";

/** Where products live: the source of truth the cache sits in front of. */
export interface ProductRepository {
  findById(id: ProductId): Promise<Product | undefined>;
  /** Stores the product; once it resolves, the write is committed. */
  save(product: Product): Promise<void>;
}
