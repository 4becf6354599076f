import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { testServices } from "../fakes/services.ts";

const PROBLEMS = "https://backend-field-guide.dev/reference/problems/#";

const post = (shop: ReturnType<typeof testServices>, path: string, body: string, contentType = "application/json") =>
  shop.app.request(path, { method: "POST", headers: { "Content-Type": contentType }, body });

describe("POST /orders and GET /orders/:id", () => {
  it("places an order, charges it once under the order's idempotency key, and serves it back", async () => {
    const shop = testServices();
    const created = await shop.placeOrder();
    assert.equal(created.status, 201);
    const order = (await created.json()) as { id: string; status: string; paymentId: string; total: unknown };
    assert.deepEqual([order.status, order.paymentId], ["confirmed", "pay-1"]);
    assert.deepEqual(order.total, { currency: "EUR", minorUnits: 4900 });
    assert.deepEqual(shop.payments.charges(), [
      { paymentId: "pay-1", orderId: order.id, idempotencyKey: order.id, status: "captured" },
    ]);
    const fetched = await shop.app.request(created.headers.get("Location") ?? "");
    assert.deepEqual(await fetched.json(), order);
  });

  for (const [what, body, contentType, status, type, rule] of [
    [
      "a quantity out of range",
      '{"customerId":"c-1","lines":[{"productId":"p-1","quantity":0}]}',
      "application/json",
      422,
      "business-rule-violation",
      "quantity.range",
    ],
    [
      "no lines",
      '{"customerId":"c-1","lines":[]}',
      "application/json",
      422,
      "business-rule-violation",
      "order.not-empty",
    ],
    [
      "an unknown product",
      '{"customerId":"c-1","lines":[{"productId":"p-9","quantity":1}]}',
      "application/json",
      409,
      "state-conflict",
      "order.known-products",
    ],
    [
      "a quantity that is not a number",
      '{"customerId":"c-1","lines":[{"productId":"p-1","quantity":"2"}]}',
      "application/json",
      422,
      "validation-failed",
      undefined,
    ],
    ["malformed JSON", '{"customerId":', "application/json", 400, "malformed-json", undefined],
    ["a body that is not JSON", "customerId=c-1", "text/plain", 415, "unsupported-media-type", undefined],
  ] as const) {
    it(`answers ${status} ${type} for ${what}, and neither charges nor stores anything`, async () => {
      const shop = testServices();
      const response = await post(shop, "/orders", body, contentType);
      assert.equal(response.status, status);
      assert.equal(response.headers.get("Content-Type"), "application/problem+json");
      const problem = (await response.json()) as { type: string; rule?: string };
      assert.equal(problem.type, `${PROBLEMS}${type}`);
      assert.equal(problem.rule, rule);
      assert.equal(shop.payments.received(), 0);
      assert.equal(shop.orders.size, 0);
    });
  }

  it("answers 404 for an order that does not exist, and for its payment", async () => {
    for (const path of ["/orders/o-404", "/orders/o-404/payment"]) {
      const response = await testServices().app.request(path);
      assert.equal(response.status, 404, path);
      assert.equal(((await response.json()) as { type: string }).type, `${PROBLEMS}not-found`);
    }
  });
});

describe("POST /payments/faults and GET /resilience", () => {
  it("switches faults on and shows them", async () => {
    const shop = testServices();
    const response = await post(shop, "/payments/faults", '{"latencyMs": 1500, "errorRate": 0.5}');
    assert.deepEqual(await response.json(), { latencyMs: 1500, errorRate: 0.5, down: false });
    assert.deepEqual(await (await shop.app.request("/payments/faults")).json(), {
      latencyMs: 1500,
      errorRate: 0.5,
      down: false,
    });
  });

  it("refuses a fault it does not know, or a value out of range, with 422 and changes nothing", async () => {
    const shop = testServices();
    for (const body of ['{"errorRate": 2}', '{"latencyMs": -1}', '{"slow": true}']) {
      const response = await post(shop, "/payments/faults", body);
      assert.equal(response.status, 422, body);
      assert.equal(response.headers.get("Content-Type"), "application/problem+json");
    }
    assert.deepEqual(shop.faults.current, { latencyMs: 0, errorRate: 0, down: false });
  });

  it("shows every policy's state for the payments call", async () => {
    const response = await testServices().app.request("/resilience");
    const { calls } = (await response.json()) as { calls: { dependency: string; breaker: { state: string } }[] };
    assert.equal(calls[0]?.dependency, "payments");
    assert.equal(calls[0]?.breaker.state, "closed");
  });
});
