import type { Kysely } from "kysely";
import { sql } from "kysely";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/infrastructure/postgres/database-schema.ts";
import { openKysely } from "../../src/infrastructure/postgres/open-kysely.ts";
import { QueryCounter } from "../../src/infrastructure/postgres/query-counter.ts";
import { startServer } from "../../src/main.ts";
import { describeDatabaseContract } from "../contract/database.contract.ts";
import { describeExpandContract } from "../contract/expand-contract.contract.ts";
import { describeHttpRoutes } from "../http/routes.ts";
import { realServer } from "./real-server.ts";

// The same contract as PGlite, against a real Postgres server through node-postgres: there, two
// transactions really run at once, so SKIP LOCKED and the version check meet real concurrency.
// The suite works in a schema of its own and drops it at the end. `pg` is an optional dependency,
// imported only when the suite runs.
const server = realServer("DATABASE_URL", "a Postgres server");
const schema = `database_patterns_${process.pid}`;

if (server.skip) test("node-postgres on a Postgres server", { skip: server.skip }, () => undefined);
else
  describe("node-postgres on a Postgres server", () => {
    const counter = new QueryCounter();
    let admin: Kysely<Database>;
    let db: Kysely<Database>;

    before(async () => {
      const { nodePostgresPool } = await import("../../src/infrastructure/postgres/node-postgres-pool.ts");
      const url = server.url as string;
      admin = openKysely(nodePostgresPool(url, { max: 1 }), new QueryCounter());
      await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`).execute(admin);
      // The enum type lives in the schema too, so search_path must name only this schema.
      db = openKysely(nodePostgresPool(url, { options: `-c search_path=${schema}` }), counter);
    });

    after(async () => {
      await db?.destroy();
      await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(admin);
      await admin?.destroy();
    });

    describeDatabaseContract("node-postgres", () => ({ db, counter }));
    describeExpandContract("node-postgres", () => ({ db, counter }));
    describeHttpRoutes(() => ({ db, counter }));

    test("SKIP LOCKED: a row one transaction holds is skipped by the other, not waited for", async () => {
      await sql`TRUNCATE outbox`.execute(db);
      await db
        .insertInto("outbox")
        .values(
          ["01a30000-0000-7000-8000-00000000000a", "01a30000-0000-7000-8000-00000000000b"].map((id) => ({
            id,
            type: "order.placed",
            payload: "{}",
            occurred_at: new Date(),
          })),
        )
        .execute();
      let release!: () => void;
      const holding = new Promise<void>((resolve) => (release = resolve));
      let claimedFirst!: () => void;
      const firstClaimed = new Promise<void>((resolve) => (claimedFirst = resolve));
      const first = db.transaction().execute(async (tx) => {
        const rows = await tx
          .selectFrom("outbox")
          .select("id")
          .orderBy("id")
          .limit(1)
          .forUpdate()
          .skipLocked()
          .execute();
        claimedFirst();
        await holding; // keep the lock while the second transaction looks
        return rows.map((row) => row.id);
      });
      await firstClaimed;
      const second = await db
        .transaction()
        .execute(async (tx) =>
          (await tx.selectFrom("outbox").select("id").orderBy("id").forUpdate().skipLocked().execute()).map(
            (row) => row.id,
          ),
        );
      release();
      assert.deepEqual(await first, ["01a30000-0000-7000-8000-00000000000a"]);
      assert.deepEqual(second, ["01a30000-0000-7000-8000-00000000000b"]);
    });

    test("the real server on node-postgres: the service starts, answers, and closes its pool on shutdown", async () => {
      // The suite's own schema: Kysely looks for its migration tables by name, and would find another schema's.
      const url = new URL(server.url as string);
      url.searchParams.set("options", `-c search_path=${schema}`);
      const running = await startServer({ port: 0, hostname: "127.0.0.1", databaseUrl: url.toString() });
      try {
        const response = await fetch(`${running.url}/orders?lines=per-order&limit=3`);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("X-Query-Count"), "4");
        assert.equal((await fetch(`${running.url}/health/ready`)).status, 200);
      } finally {
        await running.shutdown();
      }
      await assert.rejects(fetch(`${running.url}/health/live`));
    });
  });
