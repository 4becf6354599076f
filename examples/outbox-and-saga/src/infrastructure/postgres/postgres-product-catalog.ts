import type { CatalogProduct, ProductCatalog } from "../../application/ports/product-catalog.port.ts";
import { ProductId } from "../../domain/identifiers.ts";
import { Money } from "../../domain/money.value-object.ts";
import { runQuery, type SqlClient } from "./sql-client.ts";

type ProductRow = { id: string; name: string; price_minor: number; currency: string };

/** The products table, read for the prices of new orders. */
export class PostgresProductCatalog implements ProductCatalog {
  private readonly client: SqlClient;

  constructor(client: SqlClient) {
    this.client = client;
  }

  async findById(id: ProductId): Promise<CatalogProduct | undefined> {
    const { rows } = await runQuery<ProductRow>(
      this.client,
      "SELECT id, name, price_minor, currency FROM products WHERE id = $1",
      [id],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      id: ProductId.of(row.id),
      name: row.name,
      unitPrice: Money.of(row.price_minor, row.currency),
    };
  }
}
