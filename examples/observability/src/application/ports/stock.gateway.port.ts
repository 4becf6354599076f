import type { ProductId } from "../../domain/identifiers.ts";

/** The warehouse, another service, which knows how many of each product are in stock. Fails with ExternalAPIError. */
export interface StockGateway {
  /** Units in stock per product; a product the warehouse does not list has none. */
  availableQuantities(ids: readonly ProductId[]): Promise<ReadonlyMap<ProductId, number>>;
}
