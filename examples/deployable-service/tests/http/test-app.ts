import { CreateOrderUseCase } from "../../src/application/use-cases/create-order.use-case.ts";
import { GetOrderUseCase } from "../../src/application/use-cases/get-order.use-case.ts";
import { ListOrdersUseCase } from "../../src/application/use-cases/list-orders.use-case.ts";
import { InMemoryCustomerRepository } from "../../src/infrastructure/in-memory-customer.repository.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { InMemoryProductRepository } from "../../src/infrastructure/in-memory-product.repository.ts";
import { seedData } from "../../src/infrastructure/seed-data.ts";
import { createApp, type AppDeps } from "../../src/presentation/app.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

/** The app over the seeded in-memory adapters (as `npm start` runs it) with a fixed clock; `overrides` swap single deps. */
export function buildTestApp(overrides: Partial<AppDeps> = {}) {
  const seed = seedData();
  const orders = new InMemoryOrderRepository(seed.orders);
  const customers = new InMemoryCustomerRepository(seed.customers);
  const products = new InMemoryProductRepository(seed.products);
  const unexpectedErrors: unknown[] = [];
  const app = createApp({
    createOrder: new CreateOrderUseCase({ customers, products, orders, clock: new FakeClock() }),
    getOrder: new GetOrderUseCase({ orders }),
    listOrders: new ListOrdersUseCase({ orders }),
    checkReadiness: async () => ({ ready: true, shuttingDown: false, checks: [] }),
    reportUnexpectedError: (error) => unexpectedErrors.push(error),
    ...overrides,
  });
  return { app, orders, unexpectedErrors };
}

/** A POST with a JSON body. */
export function postJson(body: unknown): RequestInit {
  return { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}
