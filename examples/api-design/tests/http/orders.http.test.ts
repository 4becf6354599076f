import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { InMemoryProductRepository } from "../../src/infrastructure/in-memory-product.repository.ts";
import { seedProducts } from "../../src/infrastructure/seed-data.ts";
import { FakeClock } from "../fakes/fake-clock.ts";
import { GatedOrderUseCases } from "../fakes/gated-order-use-cases.ts";
import { AS, testApp } from "./test-app.ts";

const twoKettles = { lines: [{ productId: "p-2", quantity: 2 }] };

describe("POST /v2/orders", () => {
  it("places an order for the caller: 201, a Location, the priced order", async () => {
    const { send } = await testApp();
    const placed = await send("POST", "/v2/orders", { headers: AS.customer1, body: twoKettles });
    assert.equal(placed.status, 201);
    assert.equal(placed.headers.get("Location"), `/v2/orders/${placed.body.id}`);
    assert.deepEqual(placed.body.total, { minorUnits: 11800, currency: "EUR" });
    assert.equal(placed.body.customerId, "c-1");
  });

  it("answers an unknown product 409 (the URL exists) and an empty order 422, and stores neither", async () => {
    const { send } = await testApp();
    const unknown = await send("POST", "/v2/orders", {
      headers: AS.customer1,
      body: { lines: [{ productId: "p-404", quantity: 1 }] },
    });
    assert.equal(unknown.status, 409);
    assert.equal(unknown.body.rule, "order.known-products");
    const empty = await send("POST", "/v2/orders", { headers: AS.customer1, body: { lines: [] } });
    assert.equal(empty.status, 422);
    assert.equal(empty.body.rule, "order.not-empty");
    assert.equal((await send("GET", "/v2/orders", { headers: AS.customer1 })).body.total, 1);
  });

  it("answers a body that is not JSON 400, one without a JSON Content-Type 415, a wrong type 422", async () => {
    const { send } = await testApp();
    const headers = { ...AS.customer1, "Content-Type": "application/json" };
    assert.equal((await send("POST", "/v2/orders", { headers, raw: "{lines:" })).status, 400);
    assert.equal((await send("POST", "/v2/orders", { headers: AS.customer1, raw: "lines" })).status, 415);
    const wrongType = await send("POST", "/v2/orders", {
      headers: AS.customer1,
      body: { lines: [{ productId: "p-1", quantity: "2" }] },
    });
    assert.equal(wrongType.status, 422);
    assert.equal(wrongType.body.errors[0].pointer, "/lines/0/quantity");
  });
});

describe("Idempotency-Key on POST /v2/orders", () => {
  const withKey = (key: string) => ({ ...AS.customer1, "Idempotency-Key": key });

  it("answers a retry with the stored response and places nothing twice", async () => {
    const { send } = await testApp();
    const first = await send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    const retry = await send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    assert.equal(retry.status, 201);
    assert.deepEqual(retry.body, first.body);
    assert.equal(retry.headers.get("Location"), first.headers.get("Location"));
    assert.equal(retry.headers.get("Idempotent-Replayed"), "true");
    assert.equal((await send("GET", "/v2/orders", { headers: AS.customer1 })).body.total, 2); // o-1 and one new
  });

  it("answers the same key with another body 422, and runs nothing", async () => {
    const { send } = await testApp();
    await send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    const reused = await send("POST", "/v2/orders", {
      headers: withKey("k-1"),
      body: { lines: [{ productId: "p-2", quantity: 3 }] },
    });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.type, "https://backend-field-guide.dev/reference/problems/#idempotency-key-reused");
    assert.equal((await send("GET", "/v2/orders", { headers: AS.customer1 })).body.total, 2);
  });

  it("answers a duplicate 409 with Retry-After while the first is still in flight, then replays it", async () => {
    const clock = new FakeClock();
    const products = new InMemoryProductRepository(seedProducts());
    const orders = new GatedOrderUseCases({ orders: new InMemoryOrderRepository(), products, clock });
    const { send } = await testApp({ orders });
    const first = send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    await orders.entered; // the first request holds the key before the duplicate arrives
    const duplicate = await send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.headers.get("Retry-After"), "1");
    orders.open();
    assert.equal((await first).status, 201);
    const later = await send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    assert.equal(later.status, 201);
    assert.equal(orders.placed, 1);
  });

  it("keeps keys apart per caller, frees a key whose request was refused, and forgets keys after 24 hours", async () => {
    const { send, clock } = await testApp();
    const mine = await send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    const theirs = await send("POST", "/v2/orders", {
      headers: { ...AS.customer2, "Idempotency-Key": "k-1" },
      body: twoKettles,
    });
    assert.notEqual(theirs.body.id, mine.body.id);
    const refused = await send("POST", "/v2/orders", { headers: withKey("k-2"), body: { lines: [] } });
    assert.equal(refused.status, 422);
    const fixed = await send("POST", "/v2/orders", { headers: withKey("k-2"), body: twoKettles });
    assert.equal(fixed.status, 201);
    clock.advance(24 * 60 * 60 * 1000);
    const afterExpiry = await send("POST", "/v2/orders", { headers: withKey("k-1"), body: twoKettles });
    assert.notEqual(afterExpiry.body.id, mine.body.id);
  });
});

describe("GET /v2/orders: ownership and offset pages", () => {
  it("answers another customer's order 404, exactly like a missing one; staff see it", async () => {
    const { send } = await testApp();
    const other = await send("GET", "/v2/orders/o-1", { headers: AS.customer2 });
    const missing = await send("GET", "/v2/orders/o-404", { headers: AS.customer2 });
    assert.equal(other.status, 404);
    assert.equal(missing.status, 404);
    assert.equal((await send("GET", "/v2/orders/o-1", { headers: AS.staff })).status, 200);
    assert.equal((await send("GET", "/v2/orders/o-1")).status, 401);
  });

  it("pages with page and pageSize (20 by default, at most 100), with total, totalPages and hasNext", async () => {
    const { send } = await testApp();
    for (let i = 0; i < 3; i += 1) await send("POST", "/v2/orders", { headers: AS.customer1, body: twoKettles });
    const page = await send("GET", "/v2/orders?page=1&pageSize=3", { headers: AS.customer1 });
    assert.deepEqual(
      {
        total: page.body.total,
        totalPages: page.body.totalPages,
        hasNext: page.body.hasNext,
        size: page.body.items.length,
      },
      { total: 4, totalPages: 2, hasNext: true, size: 3 },
    );
    assert.equal((await send("GET", "/v2/orders", { headers: AS.customer1 })).body.pageSize, 20);
    assert.equal((await send("GET", "/v2/orders?pageSize=101", { headers: AS.customer1 })).status, 422);
  });

  it("shows why offset pages break under inserts: an order placed between pages repeats an item", async () => {
    const { send, clock } = await testApp();
    for (let i = 0; i < 3; i += 1) {
      clock.advance(1000);
      await send("POST", "/v2/orders", { headers: AS.customer1, body: twoKettles });
    }
    const first = await send("GET", "/v2/orders?page=1&pageSize=2", { headers: AS.customer1 });
    clock.advance(1000);
    await send("POST", "/v2/orders", { headers: AS.customer1, body: twoKettles }); // newest first: shifts everything
    const second = await send("GET", "/v2/orders?page=2&pageSize=2", { headers: AS.customer1 });
    const seen = [...first.body.items, ...second.body.items].map((order: { id: string }) => order.id);
    assert.equal(new Set(seen).size, 3, "one order appears on both pages");
  });
});
