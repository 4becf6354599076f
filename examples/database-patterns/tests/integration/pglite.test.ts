import { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/infrastructure/postgres/database-schema.ts";
import { openKysely } from "../../src/infrastructure/postgres/open-kysely.ts";
import { PGlitePool } from "../../src/infrastructure/postgres/pglite-pool.ts";
import { QueryCounter } from "../../src/infrastructure/postgres/query-counter.ts";
import { startServer } from "../../src/main.ts";
import { describeDatabaseContract } from "../contract/database.contract.ts";
import { describeExpandContract } from "../contract/expand-contract.contract.ts";
import { describeHttpRoutes } from "../http/routes.ts";

// PGlite in this process, as `npm start` and the in-page sandbox use it. One instance for the file
// (it takes a few seconds to start) for the contract, the expand/contract walk and the HTTP routes.
const counter = new QueryCounter();
let pool: PGlitePool;
let db: Kysely<Database>;

describe("PGlite", () => {
  before(
    async () => {
      pool = new PGlitePool(await PGlite.create());
      db = openKysely(pool, counter);
    },
    { timeout: 60_000 },
  );
  after(() => db?.destroy());

  describeDatabaseContract("PGlite", () => ({ db, counter }));
  describeExpandContract("PGlite", () => ({ db, counter }));
  describeHttpRoutes(() => ({ db, counter }));

  // Last, because shutting the server down closes the database it was given.
  test("smoke: main.ts migrates, seeds and serves over real HTTP; shutdown stops it and closes the database", async () => {
    const server = await startServer({ port: 0, hostname: "127.0.0.1", pool });
    try {
      assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);
      const orders = await fetch(`${server.url}/orders?lines=per-order&limit=3`);
      assert.equal(orders.status, 200);
      assert.equal(orders.headers.get("X-Query-Count"), "4");
    } finally {
      await server.shutdown();
    }
    await assert.rejects(fetch(`${server.url}/health/live`));
    await assert.rejects(pool.connect(), /closed/);
  });
});
