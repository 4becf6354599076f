import { sql } from "kysely";
import type { MigrationDb } from "./migration-db.ts";

// Contract, step 2: no running release reads or writes name any more, so drop it.

export async function up(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("products").dropColumn("name").execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("products").addColumn("name", "text").execute();
  await sql`UPDATE products SET name = title`.execute(db);
  await sql`ALTER TABLE products ADD CONSTRAINT ck_products_name CHECK (length(name) BETWEEN 1 AND 200)`.execute(db);
}
