import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sql, type Kysely } from "kysely";
import type { LineLoading } from "../../src/application/ports/order.queries.port.ts";
import type { OutboxMessage } from "../../src/application/ports/outbox.port.ts";
import { ConcurrencyConflictError } from "../../src/application/ports/storage-errors.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import type { Database } from "../../src/infrastructure/postgres/database-schema.ts";
import { KyselyOrderQueries } from "../../src/infrastructure/postgres/kysely-order.queries.ts";
import { KyselyOutboxStore } from "../../src/infrastructure/postgres/kysely-outbox.store.ts";
import { KyselyProductRepository } from "../../src/infrastructure/postgres/kysely-product.repository.ts";
import { migrateTo, migrateToLatest } from "../../src/infrastructure/postgres/migrate.ts";
import { MIGRATION_NAMES } from "../../src/infrastructure/postgres/migrations/index.ts";
import type { QueryCounter } from "../../src/infrastructure/postgres/query-counter.ts";
import { seedOrders, seedProducts } from "../../src/infrastructure/seed-data.ts";

/** An open database for the contract: a Kysely instance and the counter its `log` feeds. */
export type ContractDatabase = { readonly db: Kysely<Database>; readonly counter: QueryCounter };

/** Migrates to the latest version (if it is not there yet), empties the tables and seeds them. */
export async function freshDatabase({ db }: ContractDatabase): Promise<void> {
  await migrateToLatest(db);
  await sql`TRUNCATE order_lines, orders, products, outbox`.execute(db);
  await seedProducts(db);
  await seedOrders(db);
}

/** The SQLSTATE of a failed statement, whichever driver raised it. */
async function sqlState(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  assert.fail("the statement succeeded");
}

/**
 * What every database this service runs on must do, PGlite or a Postgres server through node-postgres:
 * the same migrations, the same queries, the same answers.
 */
export function describeDatabaseContract(name: string, open: () => ContractDatabase): void {
  describe(`database contract: ${name}`, () => {
    test("every migration applies, reverts and applies again (the migrations are reversible)", async () => {
      const { db } = open();
      await migrateTo(db, null);
      assert.deepEqual(await migrateToLatest(db), MIGRATION_NAMES);
      await seedProducts(db);
      await seedOrders(db);
      const undone = await migrateTo(db, null);
      assert.deepEqual(undone, [...MIGRATION_NAMES].reverse());
      assert.deepEqual(await migrateToLatest(db), MIGRATION_NAMES);
    });

    test("loading lines per order takes 1 + N queries, select-in 2, joined 1, and all three agree", async () => {
      const database = open();
      await freshDatabase(database);
      const orders = new KyselyOrderQueries(database.db);
      const counted = async (lines: LineLoading) =>
        database.counter.measure(() => orders.listPage({ limit: 4, lines }));
      const perOrder = await counted("per-order");
      const selectIn = await counted("select-in");
      const joined = await counted("joined");
      assert.equal(perOrder.value.items.length, 4);
      assert.equal(perOrder.queries, 1 + 4);
      assert.equal(selectIn.queries, 2);
      assert.equal(joined.queries, 1);
      assert.deepEqual(selectIn.value, perOrder.value);
      assert.deepEqual(joined.value, perOrder.value);
    });

    test("keyset pages are newest first, never overlap, and a new order does not shift the next page", async () => {
      const database = open();
      await freshDatabase(database);
      const orders = new KyselyOrderQueries(database.db);
      const first = await orders.listPage({ limit: 3, lines: "select-in" });
      assert.ok(first.nextCursor);
      // Someone places an order between the two page requests; with OFFSET 3 the next page would repeat a row.
      await database.db
        .insertInto("orders")
        .values({
          id: "01a30000-0000-7000-8000-000000000001",
          customer_id: "c-2",
          placed_at: new Date("2026-12-01T08:00:00Z"),
        })
        .execute();
      const { decodeCursor } = await import("../../src/application/order-cursor.ts");
      const second = await orders.listPage({ limit: 3, after: decodeCursor(first.nextCursor), lines: "select-in" });
      const ids = [...first.items, ...second.items].map((order) => order.id);
      assert.equal(new Set(ids).size, 5, "five different seeded orders over two pages");
      assert.equal(second.nextCursor, null);
      const times = [...first.items, ...second.items].map((order) => order.placedAt);
      assert.deepEqual(times, [...times].sort().reverse());
    });

    test("a save from a stale copy raises ConcurrencyConflictError and changes nothing", async () => {
      const database = open();
      await freshDatabase(database);
      const products = new KyselyProductRepository(database.db);
      const mine = await products.findById(ProductId.of("p-2"));
      const theirs = await products.findById(ProductId.of("p-2"));
      assert.ok(mine && theirs);
      theirs.rename("Milk jug, steel");
      await products.save(theirs);
      assert.equal(theirs.version, 1);
      mine.rename("Milk jug, glass");
      await assert.rejects(products.save(mine), ConcurrencyConflictError);
      const stored = await products.findById(ProductId.of("p-2"));
      assert.equal(stored?.name, "Milk jug, steel");
      assert.equal(stored?.version, 1);
    });

    test("the constraints refuse what the code should never have sent", async () => {
      const database = open();
      await freshDatabase(database);
      const { db } = database;
      // check_violation: negative stock; invalid_text_representation: a status the enum lacks.
      assert.equal(await sqlState(sql`UPDATE products SET stock = -1 WHERE id = 'p-1'`.execute(db)), "23514");
      assert.equal(await sqlState(sql`UPDATE orders SET status = 'lost'`.execute(db)), "22P02");
      assert.equal(
        await sqlState(
          db
            .insertInto("order_lines")
            .values({
              order_id: "01a30000-0000-7000-8000-0000000000ff",
              product_id: "p-1",
              quantity: 1,
              unit_price_minor: 1,
              currency: "EUR",
            })
            .execute(),
        ),
        "23503", // foreign_key_violation: no such order
      );
    });

    test("JSONB comes back as an object and timestamptz as the same instant", async () => {
      const database = open();
      await freshDatabase(database);
      const row = await database.db
        .selectFrom("orders")
        .select(["attributes", "placed_at"])
        .orderBy("placed_at")
        .executeTakeFirstOrThrow();
      assert.deepEqual(row.attributes, { channel: "web" });
      assert.equal(new Date(row.placed_at).toISOString(), "2026-11-30T09:00:00.000Z");
    });

    test("the outbox relay publishes every event once, and a failed publish leaves its batch for the next run", async () => {
      const database = open();
      await freshDatabase(database);
      const store = new KyselyOutboxStore(database.db);
      await assert.rejects(
        store.relayBatch(2, async () => {
          throw new Error("broker down");
        }),
        /broker down/,
      );
      const published: OutboxMessage[] = [];
      const publish = async (message: OutboxMessage) => void published.push(message);
      // Two relays at once: SKIP LOCKED hands them different rows (on a server they really overlap).
      const [a, b] = await Promise.all([store.relayBatch(2, publish), store.relayBatch(2, publish)]);
      const c = await store.relayBatch(10, publish);
      assert.equal(a.length + b.length + c.length, 5);
      assert.equal(new Set(published.map((message) => message.id)).size, 5, "no event published twice");
      assert.deepEqual(await store.relayBatch(10, publish), []);
    });
  });
}
