import type { Product } from "../../domain/product.aggregate.ts";
import { runQuery, type SqlClient } from "./sql-client.ts";

/** Inserts products that are not there yet (so restarting on a persistent data directory keeps its stock). */
export async function insertProducts(client: SqlClient, products: readonly Product[]): Promise<void> {
  for (const product of products) {
    await runQuery(
      client,
      `INSERT INTO products (id, name, price_minor, currency, stock, version)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING`,
      [
        product.id,
        product.name,
        product.unitPrice.minorUnits,
        product.unitPrice.currency,
        product.stock,
        product.version,
      ],
    );
  }
}
