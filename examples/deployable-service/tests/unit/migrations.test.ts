import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyMigrations, migrations, type SqlClient } from "../../src/infrastructure/postgres/migrations.ts";

/** Records every statement; `applied` is what schema_migrations holds; `failOn` makes one statement fail. */
class RecordingSqlClient implements SqlClient {
  readonly statements: string[] = [];
  private readonly applied: readonly string[];
  private readonly failOn: string | undefined;
  constructor(applied: readonly string[] = [], failOn?: string) {
    this.applied = applied;
    this.failOn = failOn;
  }
  async query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }> {
    this.statements.push(sql.split("\n")[0] ?? sql);
    if (this.failOn !== undefined && sql.startsWith(this.failOn)) throw new Error("column already exists");
    if (sql === "SELECT id FROM schema_migrations") return { rows: this.applied.map((id) => ({ id })) };
    return { rows: [] };
  }
}

describe("the migrations the Job applies", () => {
  it("only expand: nothing drops or renames what the running version reads", () => {
    for (const migration of migrations) assert.doesNotMatch(migration.sql, /\b(DROP|RENAME)\b/i, migration.id);
  });

  it("applies only the pending ones, each in its own transaction, under the advisory lock", async () => {
    const client = new RecordingSqlClient(["001_create_orders"]);
    assert.deepEqual(await applyMigrations(client), ["002_add_orders_cancelled_at"]);
    assert.equal(client.statements[0], "SELECT pg_advisory_lock($1)");
    assert.deepEqual(client.statements.slice(3, 7), [
      "BEGIN",
      "ALTER TABLE orders ADD COLUMN cancelled_at timestamptz",
      "INSERT INTO schema_migrations (id) VALUES ($1)",
      "COMMIT",
    ]);
    assert.equal(client.statements.at(-1), "SELECT pg_advisory_unlock($1)");
  });

  it("rolls a failed migration back, names it, and still releases the lock", async () => {
    const client = new RecordingSqlClient(["001_create_orders"], "ALTER TABLE");
    await assert.rejects(applyMigrations(client), /migration 002_add_orders_cancelled_at failed/);
    assert.ok(client.statements.includes("ROLLBACK"));
    assert.equal(client.statements.at(-1), "SELECT pg_advisory_unlock($1)");
  });
});
