import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DatabaseConnectionError } from "../../src/application/ports/storage-errors.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import type { Product } from "../../src/domain/product.aggregate.ts";
import { insertProducts } from "../../src/infrastructure/postgres/insert-products.ts";
import type { NodePostgresDatabase } from "../../src/infrastructure/postgres/node-postgres-database.ts";
import { PostgresOrderRepository } from "../../src/infrastructure/postgres/postgres-order.repository.ts";
import { PostgresProductRepository } from "../../src/infrastructure/postgres/postgres-product.repository.ts";
import { PostgresUnitOfWork } from "../../src/infrastructure/postgres/postgres-unit-of-work.ts";
import { runMigrations } from "../../src/infrastructure/postgres/run-migrations.ts";
import { startServer } from "../../src/main.ts";
import { describeStorageContract } from "../contract/storage.contract.ts";
import { realServer } from "./real-server.ts";

// The same contract as the in-memory and PGlite adapters, against a real Postgres server through
// node-postgres: every unit of work on a connection of its own, so two of them really race.
// The suite works in a schema of its own and drops it at the end, so it leaves the database as it found it.
// The driver is imported only when the suite runs: `pg` is an optional dependency, absent in the browser runtimes.
const server = realServer("DATABASE_URL", "a Postgres server");
const schema = `uow_contract_${process.pid}`;
let admin: NodePostgresDatabase;
let db: NodePostgresDatabase;

// Skipped, it counts as one skipped test in the summary, with its reason printed.
if (server.skip) test("node-postgres on a Postgres server", { skip: server.skip }, () => undefined);
else
  describe("node-postgres on a Postgres server", () => {
    let connect: typeof NodePostgresDatabase.connect;

    before(async () => {
      const url = server.url as string;
      const driver = await import("../../src/infrastructure/postgres/node-postgres-database.ts");
      connect = (...args) => driver.NodePostgresDatabase.connect(...args);
      admin = await connect(url, { max: 1 });
      await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
      db = await connect(url, { options: `-c search_path=${schema}` });
      assert.deepEqual(await runMigrations(db), ["001_create_products_and_orders.sql"]);
    });

    after(async () => {
      await db?.close();
      await admin?.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin?.close();
    });

    async function serverStorage(products: readonly Product[]) {
      await db.exec("TRUNCATE order_lines, orders, products");
      await insertProducts(db, products);
      return {
        products: new PostgresProductRepository(db),
        orders: new PostgresOrderRepository(db),
        uowFactory: () => new PostgresUnitOfWork(db),
      };
    }

    describeStorageContract("postgres (node-postgres)", serverStorage, { interleavesTransactions: true });

    test("the real server on node-postgres: places an order over HTTP, then closes the pool on shutdown", async () => {
      await db.exec("TRUNCATE order_lines, orders, products");
      const running = await startServer({ port: 0, database: db });
      try {
        assert.equal((await fetch(`${running.url}/health/ready`)).status, 200);
        const placed = await fetch(`${running.url}/orders`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ customerId: "c-1", lines: [{ productId: "p-1", quantity: 2 }] }),
        });
        assert.equal(placed.status, 201);
        const product = (await (await fetch(`${running.url}/products/p-1`)).json()) as {
          stock: number;
          version: number;
        };
        assert.deepEqual([product.stock, product.version], [8, 2]);
      } finally {
        await running.shutdown();
      }
      assert.equal(await db.ping(), false);
      await assert.rejects(new PostgresProductRepository(db).findById(ProductId.of("p-1")), DatabaseConnectionError);
    });

    test("a server that cannot be reached is DatabaseConnectionError (→ 503), not a driver error", async () => {
      // Nothing listens on port 1.
      await assert.rejects(
        connect("postgres://nobody:secret@127.0.0.1:1/none", { connectionTimeoutMillis: 1_000 }),
        DatabaseConnectionError,
      );
    });
  });
