import type { Kysely } from "kysely";
import type { OutboxMessage, OutboxRelayStore } from "../../application/ports/outbox.port.ts";
import type { Database } from "./database-schema.ts";

/** The outbox table as a work queue that several relays can drain at once without stepping on each other. */
export class KyselyOutboxStore implements OutboxRelayStore {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  relayBatch(limit: number, publish: (message: OutboxMessage) => Promise<void>): Promise<OutboxMessage[]> {
    // Commits when the callback resolves, rolls back when it throws; one connection throughout.
    return this.#db.transaction().execute(async (tx) => {
      // Rows another relay has locked are skipped, not waited for: each relay gets its own batch.
      const claimed = await tx
        .selectFrom("outbox")
        .select(["id", "type", "payload"])
        .where("published_at", "is", null)
        .orderBy("occurred_at")
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const message of claimed) await publish(message);
      if (claimed.length > 0) {
        const ids = claimed.map((message) => message.id);
        await tx.updateTable("outbox").set({ published_at: new Date() }).where("id", "in", ids).execute();
      }
      return claimed;
    });
  }
}
