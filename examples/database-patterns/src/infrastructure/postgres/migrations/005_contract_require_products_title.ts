import { sql } from "kysely";
import type { MigrationDb } from "./migration-db.ts";

// Contract, step 1: every release now writes title, so require it. A CHECK added NOT VALID takes only
// a brief lock; VALIDATE then scans without blocking writes, and SET NOT NULL reuses the validated check
// instead of scanning again. name stops being required, so the next release can stop writing it.

export async function up(db: MigrationDb): Promise<void> {
  await sql`ALTER TABLE products ADD CONSTRAINT ck_products_title_not_null CHECK (title IS NOT NULL) NOT VALID`.execute(
    db,
  );
  await sql`ALTER TABLE products VALIDATE CONSTRAINT ck_products_title_not_null`.execute(db);
  await sql`ALTER TABLE products ALTER COLUMN title SET NOT NULL`.execute(db);
  await sql`ALTER TABLE products DROP CONSTRAINT ck_products_title_not_null`.execute(db);
  await sql`ALTER TABLE products ADD CONSTRAINT ck_products_title CHECK (length(title) BETWEEN 1 AND 200)`.execute(db);
  await sql`ALTER TABLE products ALTER COLUMN name DROP NOT NULL`.execute(db);
}

export async function down(db: MigrationDb): Promise<void> {
  await sql`UPDATE products SET name = title WHERE name IS NULL`.execute(db);
  await sql`ALTER TABLE products ALTER COLUMN name SET NOT NULL`.execute(db);
  await sql`ALTER TABLE products DROP CONSTRAINT ck_products_title`.execute(db);
  await sql`ALTER TABLE products ALTER COLUMN title DROP NOT NULL`.execute(db);
}
