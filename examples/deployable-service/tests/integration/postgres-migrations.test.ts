/**
 * The migration Job's migrations on a real Postgres where one is configured (CI starts one), in a schema
 * of their own that is dropped afterwards: applied once, then nothing left to apply on a second run.
 * node-postgres is an optional dependency, loaded only when DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { applyMigrations, migrations, type SqlClient } from "../../src/infrastructure/postgres/migrations.ts";
import { realServer } from "./real-server.ts";

const real = realServer("DATABASE_URL", "Postgres");
const pg = real.url === undefined ? undefined : await import("pg");

describe("the migrations on a real Postgres", () => {
  it("apply in order once, then find nothing left to apply", { skip: real.skip }, async () => {
    const client = new pg!.default.Client({ connectionString: real.url });
    await client.connect();
    const schema = `deployable_service_${Date.now()}`;
    after(async () => {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}`);

    const sql = client as unknown as SqlClient;
    assert.deepEqual(
      await applyMigrations(sql),
      migrations.map((migration) => migration.id),
    );
    assert.deepEqual(await applyMigrations(sql), []);
    const columns = await client.query(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'orders'",
      [schema],
    );
    assert.ok(columns.rows.some((row: { column_name: string }) => row.column_name === "cancelled_at"));
  });
});
