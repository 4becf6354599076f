import type { ProductDto } from "../product.dto.ts";

/** A cache of product reads. Fails with CacheConnectionError. */
export interface ProductCache {
  get(id: string): Promise<ProductDto | undefined>;
  set(product: ProductDto): Promise<void>;
}
