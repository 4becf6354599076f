import type { Product } from "../../domain/product.entity.ts";

/** The orders a product list can be sorted in: an allow-list, so every one of them has an index behind it. */
export const PRODUCT_SORTS = ["createdAt", "-createdAt", "unitPrice", "-unitPrice"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** Where a keyset page starts: the sort key and the id of the last item the client saw (the id breaks ties). */
export type ProductPosition = { readonly key: number; readonly id: string };

/** One page request: filters, a sort from the allow-list, an optional position, and how many to return. */
export type ProductQuery = {
  readonly currency?: string | undefined;
  readonly inStock?: boolean | undefined;
  readonly sort: ProductSort;
  readonly after?: ProductPosition | undefined;
  readonly limit: number;
};

/** The catalog's storage. `save` is a compare-and-set on `version`. */
export interface ProductRepository {
  get(id: string): Promise<Product | undefined>;
  add(product: Product): Promise<void>;
  /** Throws ConcurrencyConflictError when the stored version is no longer `product.version`. */
  save(product: Product): Promise<void>;
  delete(id: string): Promise<boolean>;
  /** Up to `limit` products strictly after `after` in the sort order (keyset pagination: no offset, no count). */
  list(query: ProductQuery): Promise<Product[]>;
}

/** The sort key of a product for a sort: what a keyset compares, and what a cursor carries. */
export function sortKey(product: Product, sort: ProductSort): number {
  return sort.endsWith("createdAt") ? product.createdAt.getTime() : product.unitPrice.minorUnits;
}
