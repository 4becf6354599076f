import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { InMemoryDatabase } from "../../src/infrastructure/in-memory-database.ts";
import { buildTestApp, postJson } from "./test-app.ts";

type Problem = Record<string, unknown> & { type: string; status: number; detail: string; requestId: string };

async function problemOf(response: Response, status: number, type: string): Promise<Problem> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get("Content-Type"), "application/problem+json");
  const problem = (await response.json()) as Problem;
  assert.equal(problem.type, `https://backend-field-guide.dev/reference/problems/#${type}`);
  assert.equal(problem.status, status);
  assert.equal(problem.requestId, response.headers.get("X-Request-Id"));
  return problem;
}

/** How many orders the database holds: the seed has one (o-1), so a refused request must leave it at 1. */
function storedOrders(database: InMemoryDatabase): Promise<number> {
  return database.query((tables) => tables.orders.size);
}

describe("mapping errors to problems, once, at the edge", () => {
  it("answers malformed JSON with 400, and stores nothing", async () => {
    const { app, database } = await buildTestApp();
    await problemOf(await app.request("/orders", { ...postJson(null), body: '{"lines": [' }), 400, "malformed-json");
    assert.equal(await storedOrders(database), 1);
  });

  it("answers wrong types with 422 and a JSON Pointer per field, and stores nothing", async () => {
    const { app, database } = await buildTestApp();
    const response = await app.request("/orders", postJson({ lines: [{ productId: 1, quantity: "two" }] }));
    const problem = await problemOf(response, 422, "validation-failed");
    assert.deepEqual(
      (problem.errors as { pointer: string }[]).map((error) => error.pointer),
      ["/lines/0/productId", "/lines/0/quantity"],
    );
    assert.equal(await storedOrders(database), 1);
  });

  it("answers an unknown order or product with 404", async () => {
    const { app } = await buildTestApp();
    const order = await problemOf(await app.request("/orders/o-404"), 404, "not-found");
    assert.equal(order.detail, "Order o-404 does not exist");
    await problemOf(await app.request("/products/p-404"), 404, "not-found");
  });

  it("answers InsufficientStockError, raised in the domain, with 409 and its rule, and stores nothing", async () => {
    const { app, database } = await buildTestApp();
    const problem = await problemOf(
      await app.request("/orders", postJson({ lines: [{ productId: "p-2", quantity: 5 }] })),
      409,
      "state-conflict",
    );
    assert.equal(problem.rule, "product.stock-available");
    assert.equal(problem.detail, "Only 3 of p-2 in stock; 5 requested");
    assert.equal(await storedOrders(database), 1);
  });

  it("answers an unknown product in the body with 409, and rules no state could satisfy with 422", async () => {
    const { app, database } = await buildTestApp();
    for (const [lines, rule, status, type] of [
      [[{ productId: "p-404", quantity: 1 }], "order.known-products", 409, "state-conflict"],
      [[{ productId: "p-1", quantity: 0 }], "quantity.range", 422, "business-rule-violation"],
      [
        Array.from({ length: 11 }, () => ({ productId: "p-1", quantity: 1 })),
        "order.max-lines",
        422,
        "business-rule-violation",
      ],
    ] as const) {
      const problem = await problemOf(await app.request("/orders", postJson({ lines })), status, type);
      assert.equal(problem.rule, rule);
    }
    assert.equal(await storedOrders(database), 1);
  });

  it("answers an unreachable warehouse with 503 and Retry-After, without a word about the warehouse", async () => {
    const { app, database } = await buildTestApp();
    const response = await app.request("/orders", postJson({ lines: [{ productId: "p-flaky", quantity: 1 }] }));
    assert.equal(response.headers.get("Retry-After"), "5");
    const problem = await problemOf(response, 503, "service-unavailable");
    assert.doesNotMatch(JSON.stringify(problem), /warehouse|ECONNREFUSED|fetch|10\.0\./);
    const stored = await database.query((tables) => tables.orders.size);
    assert.equal(stored, 1, "the failed order left nothing behind");
  });

  it("answers an unreachable database with 503, and readiness turns 503 too", async () => {
    const { app, database } = await buildTestApp();
    database.reachable = false;
    await problemOf(await app.request("/orders/o-1"), 503, "service-unavailable");
    assert.equal((await app.request("/health/ready")).status, 503);
    assert.equal((await app.request("/health/live")).status, 200);
  });

  it("keeps serving products through a cache outage, and logs the warning with the request id", async () => {
    const { app, cache, logger } = await buildTestApp();
    cache.reachable = false;
    const response = await app.request("/products/p-1", { headers: { "X-Request-Id": "trace-42" } });
    assert.equal(response.status, 200);
    assert.deepEqual(
      logger.entries.map((entry) => [entry.level, entry.event, entry.fields.requestId]),
      [
        ["warn", "cache.unavailable", "trace-42"],
        ["warn", "cache.unavailable", "trace-42"],
      ],
    );
  });

  it("answers an unknown route with a 404 problem", async () => {
    const { app } = await buildTestApp();
    const problem = await problemOf(await app.request("/customers/c-1"), 404, "not-found");
    assert.equal(problem.detail, "No route for GET /customers/c-1");
  });
});
