import type { InMemoryDatabase } from "./in-memory-database.ts";
import { UNREACHABLE_WAREHOUSE_PRODUCT } from "./simulated-warehouse.ts";

/** Units in stock at the (simulated) warehouse: p-2 runs low, p-3 is sold out, p-flaky's warehouse never answers. */
export const WAREHOUSE_STOCK: Readonly<Record<string, number>> = { "p-1": 40, "p-2": 3, "p-3": 0 };

/** Fills the database with fixed rows, so the README's requests work right after start. */
export async function seedDatabase(database: InMemoryDatabase): Promise<void> {
  await database.query(({ products, orders }) => {
    for (const [id, name, price] of [
      ["p-1", "Coffee beans, 1 kg", 2450],
      ["p-2", "Enamel mug", 1200],
      ["p-3", "Hand grinder", 8900],
      [UNREACHABLE_WAREHOUSE_PRODUCT, "Limited-edition beans", 3200],
    ] as const) {
      products.set(id, { id, name, unit_price_minor: price, currency: "EUR" });
    }
    orders.set("o-1", {
      id: "o-1",
      created_at: "2026-01-05T09:00:00.000Z",
      lines: [{ product_id: "p-1", quantity: 1, unit_price_minor: 2450, currency: "EUR" }],
    });
  });
}
