import type { ProductView } from "./product-view.ts";

/**
 * What the product cache stores: the product, or the fact that it does not exist (negative
 * caching, so repeated requests for a missing id do not each reach the database).
 */
export type CachedProduct = { readonly found: true; readonly product: ProductView } | { readonly found: false };

// Bump the version when the cached shape (ProductView) changes: new code then reads new keys and
// never misreads an old entry, which simply expires.
const KEY_VERSION = "v1";

/** The cache key of one product, e.g. "product:v1:p-1". */
export function productCacheKey(productId: string): string {
  return `product:${KEY_VERSION}:${productId}`;
}

/** How long entries live. */
export type ProductCacheTtls = {
  /** A found product: long enough to absorb traffic, short enough to bound staleness if an invalidation is lost. */
  readonly foundMs: number;
  /** A missing product: short, so a product created meanwhile shows up soon. */
  readonly notFoundMs: number;
};
