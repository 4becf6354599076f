import type { MigrationDb } from "./migration-db.ts";

// Expand, step 1 of the rename products.name → products.title: add the new column, nullable and
// without a default, which Postgres does without rewriting the table. Old code ignores it.

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("products").addColumn("title", "text").execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("products").dropColumn("title").execute();
}
