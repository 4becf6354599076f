import { readdir, readFile } from "node:fs/promises";
import type { SqlDatabase } from "./sql-client.ts";

const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);

/**
 * Applies the .sql files in migrations/ that have not run yet, in name order, each in its own
 * transaction with its bookkeeping row. Returns the names it applied (none on a second run).
 */
export async function runMigrations(db: SqlDatabase): Promise<string[]> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied = new Set(
    (await db.query<{ name: string }>("SELECT name FROM schema_migrations")).rows.map((row) => row.name),
  );
  const pending = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith(".sql") && !applied.has(name)).sort();
  for (const name of pending) {
    const sql = await readFile(new URL(name, MIGRATIONS_DIR), "utf8");
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [name]);
    });
  }
  return pending;
}
