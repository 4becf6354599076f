import { sql } from "kysely";
import type { MigrationDb } from "./migration-db.ts";

// Expand, step 2: copy name into title for rows written before the dual-writing release, in small
// batches, so no statement locks many rows for long. Safe to run again: it only touches NULL titles.
const BATCH_SIZE = 500;

export async function up(db: MigrationDb): Promise<void> {
  for (;;) {
    const result = await sql`
      UPDATE products SET title = name
      WHERE id IN (SELECT id FROM products WHERE title IS NULL LIMIT ${BATCH_SIZE} FOR UPDATE SKIP LOCKED)`.execute(db);
    if (Number(result.numAffectedRows ?? 0) < BATCH_SIZE) return;
  }
}

export async function down(): Promise<void> {
  // Nothing to undo: the copied titles are harmless to a release that reads name.
}
