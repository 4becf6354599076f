import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DatabaseConnectionError } from "../../src/application/ports/infrastructure-errors.ts";
import { OrderId, ProductId } from "../../src/domain/identifiers.ts";
import { Order } from "../../src/domain/order.entity.ts";
import { DatabaseOrderRepository } from "../../src/infrastructure/database-order.repository.ts";
import { DatabaseProductRepository } from "../../src/infrastructure/database-product.repository.ts";
import { InMemoryDatabase } from "../../src/infrastructure/in-memory-database.ts";
import { seedDatabase } from "../../src/infrastructure/seed-data.ts";
import { beans } from "../fakes/fixtures.ts";
import { testTelemetry } from "../fakes/test-telemetry.ts";

async function seeded() {
  const database = new InMemoryDatabase();
  await seedDatabase(database);
  const telemetry = testTelemetry();
  return {
    database,
    products: new DatabaseProductRepository(database, telemetry),
    orders: new DatabaseOrderRepository(database, telemetry),
  };
}

describe("the database repositories", () => {
  it("store and restore an order", async () => {
    const { orders } = await seeded();
    const order = Order.place({
      id: OrderId.of("o-2"),
      lines: [{ product: beans, quantity: 2, inStock: 5 }],
      createdAt: new Date("2026-02-01T00:00:00.000Z"),
    });
    await orders.add(order);
    const restored = await orders.findById(order.id);
    assert.deepEqual(restored?.total().toJSON(), { currency: "EUR", minorUnits: 4900 });
    assert.equal(restored?.createdAt.toISOString(), "2026-02-01T00:00:00.000Z");
  });

  it("translate an unreachable database into DatabaseConnectionError, keeping the driver error as cause", async () => {
    const { database, products, orders } = await seeded();
    database.reachable = false;
    for (const call of [() => products.findById(ProductId.of("p-1")), () => orders.findById(OrderId.of("o-1"))]) {
      await assert.rejects(call(), (error) => {
        assert.ok(error instanceof DatabaseConnectionError);
        assert.equal((error.cause as { code?: string }).code, "ECONNREFUSED");
        return true;
      });
    }
  });

  it("let any other driver error through untranslated: it is a bug, not an outage", async () => {
    const { database, products } = await seeded();
    const bug = Object.assign(new Error('column "prize" does not exist'), { code: "42703" });
    database.query = async () => {
      throw bug;
    };
    await assert.rejects(products.findById(ProductId.of("p-1")), (error) => error === bug);
  });
});
