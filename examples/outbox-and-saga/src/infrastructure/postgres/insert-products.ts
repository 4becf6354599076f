import type { SqlClient } from "./sql-client.ts";
import { runQuery } from "./sql-client.ts";

/** A product to seed: id, name, price in minor units and currency, stock. */
export type ProductSeed = {
  readonly id: string;
  readonly name: string;
  readonly priceMinor: number;
  readonly currency: string;
  readonly stock: number;
};

/** Inserts products that are not there yet (so restarting on a persistent data directory keeps its stock). */
export async function insertProducts(client: SqlClient, products: readonly ProductSeed[]): Promise<void> {
  for (const product of products) {
    await runQuery(
      client,
      `INSERT INTO products (id, name, price_minor, currency, stock) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING`,
      [product.id, product.name, product.priceMinor, product.currency, product.stock],
    );
  }
}
