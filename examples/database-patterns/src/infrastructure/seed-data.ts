import type { Kysely } from "kysely";
import { v7 as uuidv7 } from "uuid";
import type { Database } from "./postgres/database-schema.ts";
import { CURRENT_RELEASE, type NameColumns } from "./postgres/name-columns.ts";

// Fixed seed data, so the README's requests work at once: three products, five orders (4 + 1 on the
// first two pages of three), and an order.placed event in the outbox for each order.

const PRODUCTS = [
  { id: "p-1", name: "Espresso beans 1 kg", unit_price_minor: 2490, currency: "EUR", stock: 40 },
  { id: "p-2", name: "Milk jug", unit_price_minor: 1250, currency: "EUR", stock: 15 },
  { id: "p-3", name: "Tamper", unit_price_minor: 3400, currency: "EUR", stock: 8 },
];

const ORDER_LINES: readonly (readonly [productId: string, quantity: number])[][] = [
  [["p-1", 2]],
  [
    ["p-1", 1],
    ["p-2", 1],
  ],
  [["p-3", 1]],
  [
    ["p-2", 2],
    ["p-3", 1],
  ],
  [
    ["p-1", 1],
    ["p-2", 1],
    ["p-3", 1],
  ],
];

const FIRST_PLACED_AT = Date.parse("2026-11-30T09:00:00.000Z");

/** A UUID v7 for a fixed instant, with fixed random bits: the same seed ids on every start. */
function seedId(msecs: number, n: number): string {
  return uuidv7({ msecs, random: new Uint8Array(16).fill(n) });
}

/** Inserts the products with the name in the columns the running release writes. Safe to run twice. */
export async function seedProducts(db: Kysely<Database>, columns: NameColumns = CURRENT_RELEASE): Promise<void> {
  const rows = PRODUCTS.map(({ name, ...product }) => ({
    ...product,
    ...Object.fromEntries(columns.writeTo.map((column) => [column, name])),
  }));
  await db
    .insertInto("products")
    .values(rows)
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** Inserts the orders, their lines and their outbox events in one transaction. Safe to run twice. */
export async function seedOrders(db: Kysely<Database>): Promise<void> {
  const prices = new Map(PRODUCTS.map((product) => [product.id, product.unit_price_minor]));
  await db.transaction().execute(async (tx) => {
    for (const [index, lines] of ORDER_LINES.entries()) {
      const placedAt = new Date(FIRST_PLACED_AT + index * 3_600_000);
      const id = seedId(placedAt.getTime(), index + 1);
      const inserted = await tx
        .insertInto("orders")
        .values({ id, customer_id: "c-1", placed_at: placedAt, attributes: JSON.stringify({ channel: "web" }) })
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) continue; // seeded on an earlier start
      const lineRows = lines.map(([productId, quantity]) => ({
        order_id: id,
        product_id: productId,
        quantity,
        unit_price_minor: prices.get(productId) ?? 0,
        currency: "EUR",
      }));
      // A bulk insert: one statement for all lines, not one per line.
      await tx.insertInto("order_lines").values(lineRows).execute();
      const event = {
        type: "order.placed",
        version: 1,
        id: seedId(placedAt.getTime(), index + 101),
        occurredAt: placedAt.toISOString(),
        orderId: id,
        customerId: "c-1",
        lines: lineRows.map((line) => ({
          productId: line.product_id,
          quantity: line.quantity,
          unitPrice: { minorUnits: line.unit_price_minor, currency: line.currency },
        })),
        subtotal: {
          minorUnits: lineRows.reduce((sum, line) => sum + line.unit_price_minor * line.quantity, 0),
          currency: "EUR",
        },
      };
      await tx
        .insertInto("outbox")
        .values({ id: event.id, type: event.type, payload: JSON.stringify(event), occurred_at: placedAt })
        .execute();
    }
  });
}
