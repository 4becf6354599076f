import { PGlite } from "@electric-sql/pglite";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DatabaseConnectionError } from "../../src/application/ports/storage-errors.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import type { Product } from "../../src/domain/product.aggregate.ts";
import { insertProducts } from "../../src/infrastructure/postgres/insert-products.ts";
import { pingDatabase } from "../../src/infrastructure/postgres/ping-database.ts";
import { PostgresOrderRepository } from "../../src/infrastructure/postgres/postgres-order.repository.ts";
import { PostgresProductRepository } from "../../src/infrastructure/postgres/postgres-product.repository.ts";
import { PostgresUnitOfWork } from "../../src/infrastructure/postgres/postgres-unit-of-work.ts";
import { runMigrations } from "../../src/infrastructure/postgres/run-migrations.ts";
import { startServer } from "../../src/main.ts";
import { describeStorageContract } from "../contract/storage.contract.ts";

// PGlite (Postgres compiled to WebAssembly) takes a few seconds to start, so this file opens ONE
// database for everything that needs Postgres: the contract, the migrations, and the smoke test of
// the real server, which ends by closing it. Each contract test starts from emptied tables.
let db: PGlite;

before(async () => {
  db = await PGlite.create();
  await runMigrations(db);
});

after(async () => {
  if (!db.closed) await db.close();
});

async function postgresStorage(products: readonly Product[]) {
  await db.exec("TRUNCATE order_lines, orders, products");
  await insertProducts(db, products);
  return {
    products: new PostgresProductRepository(db),
    orders: new PostgresOrderRepository(db),
    uowFactory: () => new PostgresUnitOfWork(db),
  };
}

describeStorageContract("postgres (PGlite)", postgresStorage);

describe("migrations", () => {
  test("run once: a second run applies nothing", async () => {
    assert.deepEqual(await runMigrations(db), []);
    const { rows } = await db.query<{ name: string }>("SELECT name FROM schema_migrations");
    assert.deepEqual(
      rows.map((row) => row.name),
      ["001_create_products_and_orders.sql"],
    );
  });

  test("the schema backs the domain rules: negative stock is refused by the database too", async () => {
    await postgresStorage([]);
    await assert.rejects(
      db.query("INSERT INTO products (id, name, price_minor, currency, stock) VALUES ($1, $2, $3, $4, $5)", [
        "p-x",
        "Broken",
        100,
        "EUR",
        -1,
      ]),
      /check constraint/,
    );
  });
});

describe("the real server on PGlite (smoke test)", () => {
  test("starts on a free port, places an order over HTTP, and closes the database on shutdown", async () => {
    await db.exec("TRUNCATE order_lines, orders, products");
    const server = await startServer({ port: 0, database: db });
    try {
      assert.equal((await fetch(`${server.url}/health/live`)).status, 200);
      assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);
      const placed = await fetch(`${server.url}/orders`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ customerId: "c-1", lines: [{ productId: "p-1", quantity: 2 }] }),
      });
      assert.equal(placed.status, 201);
      const product = (await (await fetch(`${server.url}/products/p-1`)).json()) as { stock: number; version: number };
      assert.deepEqual([product.stock, product.version], [8, 2]);
    } finally {
      await server.shutdown();
    }
    assert.ok(db.closed);
  });

  test("once the database is closed, readiness fails and the adapters report DatabaseConnectionError (→ 503)", async () => {
    assert.equal(await pingDatabase(db), false);
    await assert.rejects(new PostgresProductRepository(db).findById(ProductId.of("p-1")), DatabaseConnectionError);
    await assert.rejects(
      new PostgresUnitOfWork(db).run(async () => undefined),
      DatabaseConnectionError,
    );
  });
});
