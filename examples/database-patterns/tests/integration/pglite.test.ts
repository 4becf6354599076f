import { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import { after, before, describe } from "node:test";
import type { Database } from "../../src/infrastructure/postgres/database-schema.ts";
import { openKysely } from "../../src/infrastructure/postgres/open-kysely.ts";
import { PGlitePool } from "../../src/infrastructure/postgres/pglite-pool.ts";
import { QueryCounter } from "../../src/infrastructure/postgres/query-counter.ts";
import { describeDatabaseContract } from "../contract/database.contract.ts";
import { describeExpandContract } from "../contract/expand-contract.contract.ts";

// PGlite in this process, as `npm start` and the in-page sandbox use it. One instance for the file
// (it takes a few seconds to start); every test migrates it from empty.
const counter = new QueryCounter();
let db: Kysely<Database>;

describe("PGlite", () => {
  before(
    async () => {
      db = openKysely(new PGlitePool(await PGlite.create()), counter);
    },
    { timeout: 60_000 },
  );
  after(() => db?.destroy());

  describeDatabaseContract("PGlite", () => ({ db, counter }));
  describeExpandContract("PGlite", () => ({ db, counter }));
});
