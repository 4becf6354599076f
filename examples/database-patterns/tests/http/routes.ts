import type { Hono } from "hono";
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { wireApp } from "../../src/main.ts";
import { freshDatabase, type ContractDatabase } from "../contract/database.contract.ts";

// The routes through app.request(), wired exactly as main.ts wires them, on a database migrated and
// seeded afresh before every test: five orders, products p-1..p-3 at version 0. The PGlite file runs
// them on the database it already opened (each PGlite takes seconds to start).
let app: Hono;

const PROBLEMS = "https://backend-field-guide.dev/reference/problems/#";
const json = (body: unknown) => ({
  method: "PATCH",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

async function problem(response: Response, status: number, slug: string): Promise<Record<string, unknown>> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get("Content-Type"), "application/problem+json");
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body.type, `${PROBLEMS}${slug}`);
  return body;
}

async function storedProduct(): Promise<unknown> {
  return (await app.request("/products/p-1")).json();
}

export function describeHttpRoutes(open: () => ContractDatabase): void {
  describe("HTTP routes", () => {
    beforeEach(async () => {
      const database = open();
      await freshDatabase(database);
      app = wireApp(database.db, database.counter);
    });

    describe("GET /orders and the N+1 problem", () => {
      test("GET /orders loads a page of orders and their lines in 2 queries", async () => {
        const response = await app.request("/orders?limit=4");
        assert.equal(response.status, 200);
        assert.equal(response.headers.get("X-Query-Count"), "2");
        const page = (await response.json()) as { items: { lines: unknown[] }[]; nextCursor: string | null };
        assert.equal(page.items.length, 4);
        assert.ok(page.items.every((order) => order.lines.length > 0));
        assert.ok(page.nextCursor);
      });

      test("GET /orders?lines=per-order takes 1 + N queries: one for the page, one per order", async () => {
        const response = await app.request("/orders?limit=4&lines=per-order");
        assert.equal(response.headers.get("X-Query-Count"), "5");
        const more = await app.request("/orders?limit=5&lines=per-order");
        assert.equal(more.headers.get("X-Query-Count"), "6", "one more order, one more query");
      });

      test("GET /orders?lines=joined takes 1 query", async () => {
        const response = await app.request("/orders?limit=4&lines=joined");
        assert.equal(response.headers.get("X-Query-Count"), "1");
      });

      test("the next page follows the cursor; a cursor this service did not make is a 422", async () => {
        const first = (await (await app.request("/orders?limit=3")).json()) as { nextCursor: string };
        const second = (await (await app.request(`/orders?limit=3&after=${first.nextCursor}`)).json()) as {
          items: unknown[];
          nextCursor: string | null;
        };
        assert.equal(second.items.length, 2);
        assert.equal(second.nextCursor, null);
        await problem(await app.request("/orders?after=not-a-cursor"), 422, "validation-failed");
        await problem(await app.request("/orders?lines=lazy"), 422, "validation-failed");
        await problem(await app.request("/orders?limit=0"), 422, "validation-failed");
      });
    });

    describe("PATCH /products/:id with a version check", () => {
      test("a change at the current version is saved and the version moves on", async () => {
        const response = await app.request(
          "/products/p-1",
          json({ version: 0, unitPrice: { minorUnits: 2590, currency: "EUR" } }),
        );
        assert.equal(response.status, 200);
        assert.deepEqual(await response.json(), {
          id: "p-1",
          name: "Espresso beans 1 kg",
          unitPrice: { currency: "EUR", minorUnits: 2590 },
          stock: 40,
          version: 1,
        });
        assert.equal(response.headers.get("X-Query-Count"), "2", "one SELECT, one UPDATE … WHERE version = 0");
      });

      test("a change from a stale version is a 409 concurrency-conflict and stores nothing", async () => {
        await app.request("/products/p-1", json({ version: 0, name: "Beans" }));
        const before = await storedProduct();
        const body = await problem(
          await app.request("/products/p-1", json({ version: 0, name: "Other" })),
          409,
          "concurrency-conflict",
        );
        assert.equal(body.title, "Concurrent update");
        assert.deepEqual(await storedProduct(), before);
      });

      test("bad input is a 4xx problem that says what is wrong, and stores nothing", async () => {
        const before = await storedProduct();
        const invalid = await problem(
          await app.request("/products/p-1", json({ version: 0 })),
          422,
          "validation-failed",
        );
        assert.match(JSON.stringify(invalid.errors), /Send name, unitPrice or both/);
        await problem(await app.request("/products/p-1", json({ version: -1, name: "x" })), 422, "validation-failed");
        const currency = await problem(
          await app.request("/products/p-1", json({ version: 0, unitPrice: { minorUnits: 100, currency: "USD" } })),
          422,
          "business-rule-violation",
        );
        assert.equal(currency.rule, "product.price-currency");
        await problem(
          await app.request("/products/p-1", json({ version: 0, unitPrice: { minorUnits: -5, currency: "EUR" } })),
          422,
          "business-rule-violation",
        );
        await problem(
          await app.request("/products/p-1", {
            method: "PATCH",
            body: "{",
            headers: { "Content-Type": "application/json" },
          }),
          400,
          "malformed-json",
        );
        await problem(
          await app.request("/products/p-1", { method: "PATCH", body: "{}" }),
          415,
          "unsupported-media-type",
        );
        assert.deepEqual(await storedProduct(), before);
      });

      test("an unknown product is a 404", async () => {
        await problem(await app.request("/products/p-404"), 404, "not-found");
        await problem(await app.request("/products/p-404", json({ version: 0, name: "x" })), 404, "not-found");
      });
    });

    describe("the outbox relay", () => {
      test("POST /outbox/relay publishes the oldest unpublished events, each once", async () => {
        const first = (await (await app.request("/outbox/relay", { method: "POST" })).json()) as {
          published: unknown[];
        };
        assert.equal(first.published.length, 2);
        const rest = (await (await app.request("/outbox/relay?limit=10", { method: "POST" })).json()) as {
          published: unknown[];
        };
        assert.equal(rest.published.length, 3);
        const published = (await (await app.request("/outbox/published")).json()) as { count: number };
        assert.equal(published.count, 5);
        await problem(await app.request("/outbox/relay?limit=1000", { method: "POST" }), 422, "validation-failed");
      });
    });

    test("an unknown route is a 404 problem; health answers", async () => {
      await problem(await app.request("/nowhere"), 404, "not-found");
      assert.equal((await app.request("/health/live")).status, 200);
      assert.equal((await app.request("/health/ready")).status, 200);
    });
  });
}
