import type { OutboxEntryView, ProductStockView, ReadModels } from "../../application/ports/read-models.port.ts";
import { runQuery, type SqlClient } from "./sql-client.ts";

type ProductRow = { id: string; name: string; price_minor: number; currency: string; stock: number };
type OutboxRow = {
  position: string;
  message_id: string;
  type: string;
  status: OutboxEntryView["status"];
  parked_reason: string | null;
};

/** Plain queries for the views; no aggregate is loaded to be read. */
export class PostgresReadModels implements ReadModels {
  private readonly client: SqlClient;

  constructor(client: SqlClient) {
    this.client = client;
  }

  async product(id: string): Promise<ProductStockView | undefined> {
    const { rows } = await runQuery<ProductRow>(
      this.client,
      "SELECT id, name, price_minor, currency, stock FROM products WHERE id = $1",
      [id],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      id: row.id,
      name: row.name,
      unitPrice: { currency: row.currency, minorUnits: row.price_minor },
      stock: row.stock,
    };
  }

  async outbox(): Promise<OutboxEntryView[]> {
    const { rows } = await runQuery<OutboxRow>(
      this.client,
      "SELECT position, message_id, type, status, parked_reason FROM outbox ORDER BY position",
    );
    return rows.map((row) => ({
      position: Number(row.position),
      messageId: row.message_id,
      type: row.type,
      status: row.status,
      parkedReason: row.parked_reason,
    }));
  }
}
