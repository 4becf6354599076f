import { sql } from "kysely";
import type { MigrationDb } from "./migration-db.ts";

// The transactional outbox: events written in the same transaction as the change they describe,
// published afterwards by a relay that claims rows with FOR UPDATE SKIP LOCKED.

export async function up(db: MigrationDb): Promise<void> {
  await db.schema
    .createTable("outbox")
    .addColumn("id", "uuid", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("occurred_at", "timestamptz", (c) => c.notNull())
    .addColumn("published_at", "timestamptz")
    .addPrimaryKeyConstraint("pk_outbox", ["id"])
    .execute();
  // A partial index holds only the rows the relay looks for, so it stays small however long the table grows.
  await db.schema
    .createIndex("ix_outbox_unpublished")
    .on("outbox")
    .column("occurred_at")
    .where(sql.ref("published_at"), "is", null)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("outbox").execute();
}
