import type { Product } from "../../domain/product.aggregate.ts";

// The in-memory adapters store frozen plain records, never live entities: a Product handed out by a
// repository can be changed freely, and nothing is stored until it is saved, as with a database.

/** One stored product. */
export type ProductRecord = Readonly<{
  id: string;
  name: string;
  priceMinor: number;
  currency: string;
  stock: number;
  version: number;
}>;

/** One stored order with its lines. */
export type OrderRecord = Readonly<{
  id: string;
  customerId: string;
  placedAt: string;
  lines: readonly Readonly<{ productId: string; quantity: number; unitPriceMinor: number; currency: string }>[];
}>;

/** The in-memory "database": one Map per table. */
export type InMemoryTables = {
  readonly products: Map<string, ProductRecord>;
  readonly orders: Map<string, OrderRecord>;
};

/** Empty tables, with `products` seeded. */
export function createInMemoryTables(products: readonly Product[]): InMemoryTables {
  const tables: InMemoryTables = { products: new Map(), orders: new Map() };
  for (const product of products) {
    tables.products.set(
      product.id,
      Object.freeze({
        id: product.id,
        name: product.name,
        priceMinor: product.unitPrice.minorUnits,
        currency: product.unitPrice.currency,
        stock: product.stock,
        version: product.version,
      }),
    );
  }
  return tables;
}
