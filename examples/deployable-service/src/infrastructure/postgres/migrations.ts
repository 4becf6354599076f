/**
 * The schema migrations the migration Job applies, in order. Each is an expand step: it adds and never
 * drops or renames, so the version still serving traffic (and the one a rollback returns to) keeps
 * working against the new schema. Dropping what no version reads any more is a later release's contract step.
 */

/** What the migrator needs from a Postgres client: `pg`'s `Client` has this shape. */
export interface SqlClient {
  query(sql: string, params?: readonly unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export type Migration = { readonly id: string; readonly sql: string };

export const migrations: readonly Migration[] = [
  {
    id: "001_create_orders",
    sql: `CREATE TABLE orders (
      id text PRIMARY KEY,
      customer_id text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      total_minor_units bigint NOT NULL,
      currency char(3) NOT NULL,
      placed_at timestamptz NOT NULL
    )`,
  },
  // Expand: a nullable column with no default rewrites nothing and old code simply ignores it.
  { id: "002_add_orders_cancelled_at", sql: "ALTER TABLE orders ADD COLUMN cancelled_at timestamptz" },
];

// Any fixed number: every migrator of this service takes the same advisory lock.
const MIGRATION_LOCK = 4_670_016;

/** Applies the migrations not yet recorded, each in its own transaction, one migrator at a time. Returns their ids. */
export async function applyMigrations(
  client: SqlClient,
  pending: readonly Migration[] = migrations,
): Promise<string[]> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query("SELECT id FROM schema_migrations");
    const done = new Set(rows.map((row) => String(row["id"])));
    const applied: string[] = [];
    for (const migration of pending.filter((m) => !done.has(m.id))) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO schema_migrations (id) VALUES ($1)", [migration.id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`migration ${migration.id} failed: ${reason}`, { cause: error });
      }
      applied.push(migration.id);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
