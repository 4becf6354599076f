import type { Logger } from "../../src/application/ports/logger.port.ts";
import { GetOrderUseCase } from "../../src/application/use-cases/get-order.use-case.ts";
import { GetProductUseCase } from "../../src/application/use-cases/get-product.use-case.ts";
import { PlaceOrderUseCase } from "../../src/application/use-cases/place-order.use-case.ts";
import { DatabaseOrderRepository } from "../../src/infrastructure/database-order.repository.ts";
import { DatabaseProductRepository } from "../../src/infrastructure/database-product.repository.ts";
import { HttpStockGateway } from "../../src/infrastructure/http-stock.gateway.ts";
import { InMemoryDatabase } from "../../src/infrastructure/in-memory-database.ts";
import { InMemoryProductCache } from "../../src/infrastructure/in-memory-product.cache.ts";
import { seedDatabase, WAREHOUSE_STOCK } from "../../src/infrastructure/seed-data.ts";
import { simulatedWarehouse } from "../../src/infrastructure/simulated-warehouse.ts";
import { createApp, type AppDeps } from "../../src/presentation/app.ts";
import { FakeClock } from "../fakes/fake-clock.ts";
import { InMemoryLogger } from "../fakes/in-memory-logger.ts";

/**
 * The app over the same seeded adapters `npm start` uses, with handles on the database and cache
 * switches and an in-memory logger (or the one given); `overrides` swap single use cases.
 */
export async function buildTestApp(options: { logger?: Logger; overrides?: Partial<AppDeps> } = {}) {
  const database = new InMemoryDatabase();
  await seedDatabase(database);
  const cache = new InMemoryProductCache();
  const logger = new InMemoryLogger();
  const products = new DatabaseProductRepository(database);
  const orders = new DatabaseOrderRepository(database);
  const stock = new HttpStockGateway({ baseUrl: "https://warehouse.test", fetch: simulatedWarehouse(WAREHOUSE_STOCK) });
  const app = createApp({
    placeOrder: new PlaceOrderUseCase({ products, stock, orders, clock: new FakeClock() }),
    getOrder: new GetOrderUseCase({ orders }),
    getProduct: new GetProductUseCase({ products, cache, logger: options.logger ?? logger }),
    isReady: () =>
      database.ping().then(
        () => true,
        () => false,
      ),
    logger: options.logger ?? logger,
    ...options.overrides,
  });
  return { app, database, cache, logger };
}

/** A POST with a JSON body and optional extra headers. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) };
}
