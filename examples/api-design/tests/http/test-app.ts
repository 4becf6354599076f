import assert from "node:assert/strict";
import type { IdempotencyStore } from "../../src/application/ports/idempotency-store.port.ts";
import { OrderUseCases } from "../../src/application/use-cases/order.use-cases.ts";
import { ProductUseCases } from "../../src/application/use-cases/product.use-cases.ts";
import { InMemoryIdempotencyStore } from "../../src/infrastructure/in-memory-idempotency.store.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { InMemoryProductRepository } from "../../src/infrastructure/in-memory-product.repository.ts";
import { seedOrders, seedProducts, seedTokens } from "../../src/infrastructure/seed-data.ts";
import { V1_DEPRECATION } from "../../src/main.ts";
import { createApp } from "../../src/presentation/app.ts";
import { FakeClock } from "../fakes/fake-clock.ts";
import { OpenApiConformance } from "../support/openapi-conformance.ts";

let cached: { document: string; conformance: OpenApiConformance } | undefined;

/** Ready-made headers for the seed's demo tokens. */
export const AS = {
  customer1: { Authorization: "Bearer token-c-1" },
  customer2: { Authorization: "Bearer token-c-2" },
  staff: { Authorization: "Bearer token-staff" },
} as const;

export type TestResponse = { status: number; headers: Headers; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The app over the seed data, with a clock that stands still. Every response `send` returns has been checked
 * against the app's own /openapi.json first: a response the document does not describe fails the test.
 */
export async function testApp(options: { idempotencyStore?: IdempotencyStore; orders?: OrderUseCases } = {}) {
  const clock = new FakeClock();
  const products = new InMemoryProductRepository(seedProducts());
  const orders = new InMemoryOrderRepository(seedOrders());
  const tokens = seedTokens();
  const unexpected: unknown[] = [];
  const app = createApp({
    products: new ProductUseCases({ products, clock }),
    orders: options.orders ?? new OrderUseCases({ orders, products, clock }),
    idempotencyStore: options.idempotencyStore ?? new InMemoryIdempotencyStore(),
    clock,
    authenticate: (token) => tokens.get(token),
    v1Deprecation: V1_DEPRECATION,
    isReady: () => true,
    reportUnexpectedError: (error) => unexpected.push(error),
  });
  const document = await (await app.request("/openapi.json")).text();
  // Compiling the schemas takes a while; every app in a test file serves the same document, so compile once.
  if (cached?.document !== document) cached = { document, conformance: new OpenApiConformance(JSON.parse(document)) };
  const { conformance } = cached;

  async function send(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: unknown; raw?: string } = {},
  ): Promise<TestResponse> {
    const headers = { ...init.headers };
    let body: string | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers["Content-Type"] ??= "application/json";
    }
    const response = await app.request(path, { method, headers, body });
    assert.deepEqual(await conformance.check(method, path, response), [], "the response conforms to /openapi.json");
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
  }

  return { app, send, clock, products, orders, unexpected, conformance };
}
