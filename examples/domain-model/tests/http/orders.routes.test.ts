import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { GetOrderUseCase } from "../../src/application/get-order.use-case.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { seedOrders } from "../../src/infrastructure/seed-data.ts";
import { ReadBarrierOrderRepository } from "../fakes/read-barrier.order-repository.ts";
import { testShop } from "../fakes/test-shop.ts";

type Problem = { type: string; title: string; status: number; detail: string; instance: string; rule?: string };

/** Sends a request; `ifMatch` is the ETag the change was decided on (every change to an order needs one). */
function send(
  app: ReturnType<ReturnType<typeof testShop>["app"]>,
  method: string,
  path: string,
  body?: string,
  ifMatch?: string,
) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch !== undefined) headers["If-Match"] = ifMatch;
  return app.request(path, body === undefined ? { method, headers } : { method, headers, body });
}

/** The seed orders o-1 and o-2 are at version 1. */
const SEEDED = '"1"';

async function problemOf(response: Response): Promise<Problem> {
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  return (await response.json()) as Problem;
}

describe("the order lifecycle over HTTP", () => {
  test("place → add line → confirm → ship → deliver, with events published after each save", async () => {
    const app = testShop().app();
    const placed = await send(
      app,
      "POST",
      "/orders",
      '{"customerId":"c-3","lines":[{"productId":"p-1","quantity":1}]}',
    );
    assert.equal(placed.status, 201);
    const { id } = (await placed.json()) as { id: string };
    assert.equal(placed.headers.get("location"), `/orders/${id}`);
    assert.equal(placed.headers.get("etag"), '"1"');

    // Each answer's ETag is the If-Match of the next change.
    const added = await send(app, "POST", `/orders/${id}/lines`, '{"productId":"p-2","quantity":3}', '"1"');
    assert.equal(added.status, 200);
    assert.equal(added.headers.get("etag"), '"2"');
    const confirmedResponse = await send(app, "POST", `/orders/${id}/confirm`, undefined, '"2"');
    const confirmed = (await confirmedResponse.json()) as {
      version: number;
      total: unknown;
      discount: { source: string; percent: number };
    };
    // c-3 is silver: 10 % off (8900 + 3 × 990) = 11870 → 1187 off.
    assert.deepEqual(confirmed.discount.source, "tier");
    assert.deepEqual(confirmed.total, { currency: "EUR", minorUnits: 10683 });
    assert.equal(confirmed.version, 3);
    assert.equal((await send(app, "POST", `/orders/${id}/ship`, undefined, '"3"')).status, 200);
    assert.equal((await send(app, "POST", `/orders/${id}/deliver`, undefined, '"4"')).status, 200);

    const fetchedResponse = await send(app, "GET", `/orders/${id}`);
    assert.equal(fetchedResponse.headers.get("etag"), '"5"');
    const fetched = (await fetchedResponse.json()) as { status: string };
    assert.equal(fetched.status, "delivered");
    const { events } = (await (await send(app, "GET", "/events")).json()) as { events: { type: string }[] };
    assert.deepEqual(
      events.map((e) => e.type),
      ["OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered"],
    );
  });

  test("DELETE removes a line; cancel takes an optional reason", async () => {
    const app = testShop().app();
    const removed = await send(app, "DELETE", "/orders/o-1/lines/p-2", undefined, SEEDED);
    const afterRemove = (await removed.json()) as { lines: unknown[] };
    assert.equal(afterRemove.lines.length, 1);
    const cancelled = await send(app, "POST", "/orders/o-1/cancel", '{"reason":"found it cheaper"}', '"2"');
    assert.equal(((await cancelled.json()) as { status: string }).status, "cancelled");
    const { events } = (await (await send(app, "GET", "/events")).json()) as { events: { reason?: string }[] };
    assert.equal(events.at(-1)?.reason, "found it cheaper");
  });
});

describe("versions: a change names the version it was decided on", () => {
  test("no If-Match → 428, and the order is unchanged", async () => {
    const shop = testShop();
    const response = await send(shop.app(), "POST", "/orders/o-1/confirm");
    assert.equal(response.status, 428);
    const problem = await problemOf(response);
    assert.equal(problem.type, "https://backend-field-guide.dev/reference/problems/#precondition-required");
    assert.match(problem.detail, /GET \/orders\/o-1/);
    assert.deepEqual(shop.saved, []);
  });

  test("a stale If-Match → 412: the second of two clients that read version 1 cannot overwrite the first", async () => {
    const shop = testShop();
    const app = shop.app();
    assert.equal(
      (await send(app, "POST", "/orders/o-1/lines", '{"productId":"p-4","quantity":1}', SEEDED)).status,
      200,
    );
    const late = await send(app, "POST", "/orders/o-1/confirm", undefined, SEEDED);
    assert.equal(late.status, 412);
    const problem = await problemOf(late);
    assert.equal(problem.type, "https://backend-field-guide.dev/reference/problems/#precondition-failed");
    assert.equal(problem.detail, "Order o-1 is at version 2; GET it again for the current ETag");
    const o1 = (await (await send(app, "GET", "/orders/o-1")).json()) as { status: string };
    assert.equal(o1.status, "pending");
    assert.deepEqual(
      (await shop.publisher.list()).map((event) => event.type),
      [],
      "adding a line publishes nothing, and the refused confirmation published nothing either",
    );
  });

  test("two changes sent at once with the same If-Match: one succeeds, the other gets 409 concurrency-conflict", async () => {
    // Both requests read o-1 at version 1 before either saves, so both pass the If-Match check.
    const shop = testShop({ orders: new ReadBarrierOrderRepository(new InMemoryOrderRepository(seedOrders()), 2) });
    const app = shop.app();
    const responses = await Promise.all([
      send(app, "POST", "/orders/o-1/confirm", undefined, SEEDED),
      send(app, "POST", "/orders/o-1/lines", '{"productId":"p-4","quantity":1}', SEEDED),
    ]);
    assert.deepEqual(responses.map((response) => response.status).sort(), [200, 409]);
    const refused = responses.find((response) => response.status === 409);
    assert.ok(refused);
    const problem = await problemOf(refused);
    assert.equal(problem.type, "https://backend-field-guide.dev/reference/problems/#concurrency-conflict");
    assert.equal(problem.title, "Concurrent update");
  });

  test("an ETag that is not one of ours → 412; If-Match: * accepts the current version", async () => {
    const app = testShop().app();
    assert.equal((await send(app, "POST", "/orders/o-1/confirm", undefined, 'W/"1"')).status, 412);
    assert.equal((await send(app, "POST", "/orders/o-1/confirm", undefined, "*")).status, 200);
  });
});

describe("bad input gets a problem+json answer and changes nothing", () => {
  test("malformed JSON → 400", async () => {
    const shop = testShop();
    for (const body of ['{"customerId": "c-1",', "", "not json"]) {
      const response = await send(shop.app(), "POST", "/orders", body);
      assert.equal(response.status, 400);
      const problem = await problemOf(response);
      assert.equal(problem.title, "Malformed JSON");
      assert.equal(problem.instance, "/orders");
    }
    assert.deepEqual(shop.saved, []);
    assert.deepEqual(await shop.publisher.list(), []);
  });

  test("a body that is not sent as JSON → 415", async () => {
    const response = await testShop()
      .app()
      .request("/orders", { method: "POST", body: "customerId=c-1", headers: { "Content-Type": "text/plain" } });
    assert.equal(response.status, 415);
    assert.equal((await problemOf(response)).title, "Unsupported media type");
  });

  test("wrong types and unknown fields → 422 with a JSON Pointer per field", async () => {
    const shop = testShop();
    const response = await send(
      shop.app(),
      "POST",
      "/orders",
      '{"customerId": 7, "lines": [{"productId": "p-1", "quantity": "2"}, {"productId": "p-2", "quantity": 1.5}], "coupon": "X"}',
    );
    assert.equal(response.status, 422);
    const problem = (await problemOf(response)) as Problem & { errors: { pointer: string; message: string }[] };
    assert.deepEqual(problem.errors.map((e) => e.pointer).sort(), [
      "",
      "/customerId",
      "/lines/0/quantity",
      "/lines/1/quantity",
    ]);
    assert.ok(problem.errors.every((e) => e.message.length > 0));
    assert.deepEqual(shop.saved, []);
    assert.deepEqual(await shop.publisher.list(), []);
  });

  test("quantity 0, no lines or eleven lines break business rules → 422 naming the rule, not schema errors", async () => {
    const shop = testShop();
    const eleven = Array.from({ length: 11 }, (_, i) => ({ productId: `x-${i + 1}`, quantity: 1 }));
    const cases: [unknown, string][] = [
      [{ customerId: "c-1", lines: [{ productId: "p-1", quantity: 0 }] }, "quantity.range"],
      [{ customerId: "c-1", lines: [] }, "order.not-empty"],
      [{ customerId: "c-1", lines: eleven }, "order.max-lines"],
    ];
    for (const [body, rule] of cases) {
      const response = await send(shop.app(), "POST", "/orders", JSON.stringify(body));
      assert.equal(response.status, 422, rule);
      const problem = await problemOf(response);
      assert.equal(problem.rule, rule);
      assert.equal(problem.type, "https://backend-field-guide.dev/reference/problems/#business-rule-violation");
    }
    assert.deepEqual(shop.saved, []);
    assert.deepEqual(await shop.publisher.list(), []);
  });

  test("an unknown id in the URL → 404", async () => {
    const shop = testShop();
    const app = shop.app();
    for (const [method, path] of [
      ["GET", "/orders/o-404"],
      ["POST", "/orders/o-404/confirm"],
    ] as const) {
      const response = await send(app, method, path, undefined, SEEDED);
      assert.equal(response.status, 404, path);
      assert.equal((await problemOf(response)).detail, "Order o-404 does not exist");
    }
    assert.equal((await send(app, "GET", "/no-such-route")).status, 404);
    assert.deepEqual(shop.saved, []);
  });

  test("an unknown id in the body → 409 naming the rule (the resource in the URL exists), and nothing is saved", async () => {
    const shop = testShop();
    const app = shop.app();
    const cases: [string, string, string, string][] = [
      [
        "/orders",
        '{"customerId":"c-404","lines":[{"productId":"p-1","quantity":1}]}',
        "order.known-customer",
        "Customer c-404 does not exist",
      ],
      [
        "/orders",
        '{"customerId":"c-1","lines":[{"productId":"p-1","quantity":1}],"promoCode":"NOPE"}',
        "order.known-promo-code",
        "Promo code NOPE does not exist",
      ],
      [
        "/orders/o-1/lines",
        '{"productId":"p-404","quantity":1}',
        "order.known-products",
        "Product p-404 does not exist",
      ],
    ];
    for (const [path, body, rule, detail] of cases) {
      const response = await send(app, "POST", path, body, SEEDED);
      assert.equal(response.status, 409, rule);
      const problem = await problemOf(response);
      assert.deepEqual([problem.rule, problem.detail], [rule, detail]);
    }
    assert.deepEqual(shop.saved, []);
    assert.deepEqual(await shop.publisher.list(), []);
  });

  test("rules about the order's state → 409, invariants → 422, each naming the rule; the order is unchanged", async () => {
    const shop = testShop();
    const app = shop.app();
    const cases: [string, string, string | undefined, string, number, string][] = [
      ["POST", "/orders/o-2/cancel", undefined, "order.no-cancel-after-shipping", 409, "state-conflict"],
      [
        "POST",
        "/orders/o-2/lines",
        '{"productId":"p-1","quantity":1}',
        "order.changes-only-while-pending",
        409,
        "state-conflict",
      ],
      ["POST", "/orders/o-2/ship", undefined, "order.status-transition", 409, "state-conflict"],
      [
        "POST",
        "/orders/o-1/lines",
        '{"productId":"p-5","quantity":1}',
        "order.single-currency",
        422,
        "business-rule-violation",
      ],
      [
        "POST",
        "/orders/o-1/lines",
        '{"productId":"p-1","quantity":99}',
        "quantity.range",
        422,
        "business-rule-violation",
      ],
    ];
    for (const [method, path, body, rule, status, type] of cases) {
      const response = await send(app, method, path, body, SEEDED);
      assert.equal(response.status, status, `${method} ${path}`);
      const problem = await problemOf(response);
      assert.equal(problem.rule, rule);
      assert.equal(problem.type, `https://backend-field-guide.dev/reference/problems/#${type}`);
    }
    const o1 = (await (await send(app, "GET", "/orders/o-1")).json()) as { lines: { quantity: number }[] };
    assert.deepEqual(
      o1.lines.map((l) => l.quantity),
      [1, 2],
    );
    assert.deepEqual(shop.saved, []);
    assert.deepEqual(await shop.publisher.list(), []);
  });

  test("adding an eleventh line to an existing order → 422", async () => {
    const app = testShop().app();
    const ten = Array.from({ length: 10 }, (_, i) => ({ productId: `x-${i + 1}`, quantity: 1 }));
    const placed = await send(app, "POST", "/orders", JSON.stringify({ customerId: "c-1", lines: ten }));
    const { id } = (await placed.json()) as { id: string };
    const response = await send(app, "POST", `/orders/${id}/lines`, '{"productId":"x-11","quantity":1}', '"1"');
    assert.equal(response.status, 422);
    assert.equal((await problemOf(response)).rule, "order.max-lines");
  });

  test("an unexpected error → 500 with a generic body; the details go to the error reporter only", async () => {
    const shop = testShop();
    const broken: Pick<GetOrderUseCase, "execute"> = {
      execute: async () => {
        throw new TypeError("secret internal detail");
      },
    };
    const response = await send(shop.app({ getOrder: broken as GetOrderUseCase }), "GET", "/orders/o-1");
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /secret|TypeError|at /);
    assert.equal(shop.unexpectedErrors.length, 1);
  });

  test("an oversized body → 413", async () => {
    const huge = JSON.stringify({ customerId: "c-1", lines: [], padding: "x".repeat(70_000) });
    assert.equal((await send(testShop().app(), "POST", "/orders", huge)).status, 413);
  });
});

describe("health", () => {
  test("live is always 200; ready follows the dependencies", async () => {
    const shop = testShop();
    assert.equal((await send(shop.app(), "GET", "/health/live")).status, 200);
    assert.equal((await send(shop.app(), "GET", "/health/ready")).status, 200);
    assert.equal((await send(shop.app({ isReady: async () => false }), "GET", "/health/ready")).status, 503);
  });
});
