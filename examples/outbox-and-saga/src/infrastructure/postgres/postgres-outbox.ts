import type { IntegrationEvent } from "../../application/integration-events.ts";
import type { Outbox } from "../../application/ports/outbox.port.ts";
import { runQuery, type SqlClient } from "./sql-client.ts";

/** Adds events to the outbox table through the caller's transaction (the unit of work hands one out). */
export class PostgresOutbox implements Outbox {
  private readonly client: SqlClient;

  constructor(client: SqlClient) {
    this.client = client;
  }

  async add(event: IntegrationEvent): Promise<void> {
    await runQuery(this.client, "INSERT INTO outbox (message_id, type, payload) VALUES ($1, $2, $3)", [
      event.id,
      event.type,
      JSON.stringify(event),
    ]);
  }
}
