import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTestApp, postJson } from "./test-app.ts";

const validOrder = { customerId: "c-1", lines: [{ productId: "p-1", quantity: 2 }] };

async function orderCount(app: ReturnType<typeof buildTestApp>["app"]): Promise<number> {
  const response = await app.request("/orders?limit=100");
  return ((await response.json()) as { items: unknown[] }).items.length;
}

async function assertProblem(response: Response, status: number, type: string): Promise<Record<string, unknown>> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get("Content-Type"), "application/problem+json");
  const problem = (await response.json()) as Record<string, unknown>;
  assert.equal(problem.type, `https://backend-field-guide.dev/reference/problems/#${type}`);
  assert.equal(problem.status, status);
  return problem;
}

describe("POST /orders", () => {
  it("creates an order: 201, a Location that serves it, and the priced order", async () => {
    const { app } = buildTestApp();
    const created = await app.request("/orders", postJson(validOrder));
    assert.equal(created.status, 201);
    const order = (await created.json()) as { id: string; total: unknown; customerId: string };
    assert.equal(created.headers.get("Location"), `/orders/${order.id}`);
    assert.deepEqual(order.total, { currency: "EUR", minorUnits: 4900 });

    const fetched = await app.request(created.headers.get("Location") ?? "");
    assert.equal(fetched.status, 200);
    assert.deepEqual(await fetched.json(), order);
  });

  it("answers malformed JSON with 400 and stores nothing", async () => {
    const { app } = buildTestApp();
    const response = await app.request("/orders", { ...postJson(null), body: '{"customerId": "c-1", "lines": [' });
    await assertProblem(response, 400, "malformed-json");
    assert.equal(await orderCount(app), 3);
  });

  it("answers a body that is not JSON with 415", async () => {
    const { app } = buildTestApp();
    const response = await app.request("/orders", { method: "POST", body: "customerId=c-1" });
    const problem = await assertProblem(response, 415, "unsupported-media-type");
    assert.match(String(problem.detail), /Content-Type: application\/json/);
  });

  it("answers wrong types with 422 and a JSON Pointer to each bad field", async () => {
    const { app } = buildTestApp();
    const response = await app.request(
      "/orders",
      postJson({ customerId: 7, lines: [{ productId: "p-1", quantity: "2" }] }),
    );
    const problem = await assertProblem(response, 422, "validation-failed");
    assert.deepEqual(
      (problem.errors as { pointer: string }[]).map((error) => error.pointer),
      ["/customerId", "/lines/0/quantity"],
    );
    assert.equal(await orderCount(app), 3);
  });

  // Each breaks one rule of the shop: well-formed requests the shop refuses, with the rule's id. 409 when the
  // shop's current state is in the way (unknown or inactive customer, unknown product), 422 when no state would do.
  const ruleViolations = [
    {
      name: "an unknown product",
      rule: "order.known-products",
      status: 409,
      body: { customerId: "c-1", lines: [{ productId: "p-404", quantity: 1 }] },
    },
    {
      name: "an unknown customer",
      rule: "order.known-customer",
      status: 409,
      body: { customerId: "c-404", lines: [{ productId: "p-1", quantity: 1 }] },
    },
    {
      name: "quantity 0",
      rule: "quantity.range",
      status: 422,
      body: { customerId: "c-1", lines: [{ productId: "p-1", quantity: 0 }] },
    },
    { name: "no lines", rule: "order.not-empty", status: 422, body: { customerId: "c-1", lines: [] } },
    {
      name: "more than 10 lines",
      rule: "order.max-lines",
      status: 422,
      body: { customerId: "c-1", lines: Array.from({ length: 11 }, () => ({ productId: "p-2", quantity: 1 })) },
    },
    {
      name: "an inactive customer",
      rule: "order.customer-active",
      status: 409,
      body: { customerId: "c-2", lines: [{ productId: "p-1", quantity: 1 }] },
    },
  ];
  for (const { name, rule, status, body } of ruleViolations) {
    it(`refuses ${name} with ${status} (${rule}) and stores nothing`, async () => {
      const { app } = buildTestApp();
      const type = status === 409 ? "state-conflict" : "business-rule-violation";
      const problem = await assertProblem(await app.request("/orders", postJson(body)), status, type);
      assert.equal(problem.rule, rule);
      assert.equal(problem.instance, "/orders");
      assert.equal(await orderCount(app), 3);
    });
  }
});

describe("GET /orders/:id", () => {
  it("returns a seeded order", async () => {
    const response = await buildTestApp().app.request("/orders/o-1");
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { id: string }).id, "o-1");
  });

  it("answers an unknown id with 404", async () => {
    const problem = await assertProblem(await buildTestApp().app.request("/orders/o-404"), 404, "not-found");
    assert.equal(problem.detail, "Order o-404 does not exist");
    assert.equal(problem.instance, "/orders/o-404");
  });
});

describe("GET /orders", () => {
  type Page = { items: { id: string }[]; nextCursor: string | null };

  it("pages through every order newest first, following nextCursor", async () => {
    const { app } = buildTestApp();
    const first = (await (await app.request("/orders?limit=2")).json()) as Page;
    assert.deepEqual(
      first.items.map((order) => order.id),
      ["o-3", "o-2"],
    );
    assert.equal(typeof first.nextCursor, "string");

    const second = (await (await app.request(`/orders?limit=2&cursor=${first.nextCursor}`)).json()) as Page;
    assert.deepEqual(
      second.items.map((order) => order.id),
      ["o-1"],
    );
    assert.equal(second.nextCursor, null);
  });

  it("uses 20 when no limit is given", async () => {
    const page = (await (await buildTestApp().app.request("/orders")).json()) as Page;
    assert.equal(page.items.length, 3);
    assert.equal(page.nextCursor, null);
  });

  it("answers a bad limit or cursor with 422 naming the parameter", async () => {
    const { app } = buildTestApp();
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["cursor=bm90LWEtY3Vyc29y", "cursor"],
    ]) {
      const problem = await assertProblem(await app.request(`/orders?${query}`), 422, "validation-failed");
      assert.deepEqual(
        (problem.errors as { field: string }[]).map((error) => error.field),
        [field],
        query,
      );
    }
  });
});
