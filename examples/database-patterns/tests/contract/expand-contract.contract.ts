import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { migrateTo } from "../../src/infrastructure/postgres/migrate.ts";
import { RELEASES, type NameColumns } from "../../src/infrastructure/postgres/name-columns.ts";
import { seedOrders, seedProducts } from "../../src/infrastructure/seed-data.ts";
import { wireApp } from "../../src/main.ts";
import type { ContractDatabase } from "./database.contract.ts";

type ReleaseName = keyof typeof RELEASES;

/**
 * The rename of products.name to products.title, one migration at a time. During a rolling deploy the
 * release before and the release after run side by side, so at every step both must read and write.
 */
const STEPS: readonly { migration: string; running: readonly ReleaseName[] }[] = [
  { migration: "002_create_outbox", running: ["original"] },
  { migration: "003_expand_add_products_title", running: ["original", "dualWrite"] },
  { migration: "004_expand_backfill_products_title", running: ["dualWrite", "readTitle"] },
  { migration: "005_contract_require_products_title", running: ["readTitle", "titleOnly"] },
  { migration: "006_contract_drop_products_name", running: ["titleOnly"] },
];

async function rename(columns: NameColumns, database: ContractDatabase, name: string): Promise<Response> {
  const app = wireApp(database.db, database.counter, { nameColumns: columns });
  const current = (await (await app.request("/products/p-1")).json()) as { version: number };
  return app.request("/products/p-1", {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ version: current.version, name }),
  });
}

async function nameSeenBy(
  columns: NameColumns,
  database: ContractDatabase,
  reportUnexpectedError?: (error: unknown) => void,
): Promise<unknown> {
  const app = wireApp(database.db, database.counter, {
    nameColumns: columns,
    ...(reportUnexpectedError ? { reportUnexpectedError } : {}),
  });
  const response = await app.request("/products/p-1");
  return response.status === 200 ? ((await response.json()) as { name: string }).name : response.status;
}

export function describeExpandContract(name: string, open: () => ContractDatabase): void {
  describe(`expand/contract: ${name}`, () => {
    test("at every migration step, the releases running side by side read what each other wrote", async () => {
      const database = open();
      await migrateTo(database.db, null);
      await migrateTo(database.db, "002_create_outbox");
      await seedProducts(database.db, RELEASES.original);
      await seedOrders(database.db);
      for (const step of STEPS) {
        await migrateTo(database.db, step.migration);
        for (const writer of step.running) {
          const written = `Beans after ${step.migration}, by ${writer}`;
          const response = await rename(RELEASES[writer], database, written);
          assert.equal(response.status, 200, `${writer} could not write after ${step.migration}`);
          for (const reader of step.running) {
            assert.equal(await nameSeenBy(RELEASES[reader], database), written, `${reader} after ${step.migration}`);
          }
        }
        // Orders, untouched by the rename, keep working at every step too.
        const orders = await wireApp(database.db, database.counter).request("/orders");
        assert.equal(orders.status, 200);
      }
    });

    test("out of order it breaks: the original release cannot read once name is dropped", async () => {
      const database = open();
      // The previous test left the database at 006; make sure of it whatever ran before.
      await migrateTo(database.db, "006_contract_drop_products_name");
      const reported: unknown[] = [];
      assert.equal(await nameSeenBy(RELEASES.original, database, (error) => reported.push(error)), 500);
      assert.match(String(reported[0]), /column "name" does not exist/);
    });
  });
}
