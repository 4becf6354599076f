import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Clock } from "../../application/ports/clock.port.ts";
import { runQuery } from "./sql-client.ts";

/**
 * Makes a consumer idempotent with an inbox: the message id is recorded in `processed_messages` in
 * the same transaction as the handler's changes. A redelivered message finds its id there and
 * changes nothing; a handler that fails rolls the record back, so the retry runs it for real.
 */
export function withInbox<M extends { readonly id: string }>(
  db: PGlite,
  clock: Clock,
  consumer: string,
  handle: (tx: Transaction, message: M) => Promise<void>,
): (message: M) => Promise<void> {
  return (message) =>
    db.transaction(async (tx) => {
      const claimed = await runQuery(
        tx,
        `INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [consumer, message.id, clock.now()],
      );
      if (claimed.affectedRows === 0) return; // seen before: its effects are already committed
      await handle(tx, message);
    });
}
