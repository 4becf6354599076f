import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AS, testApp } from "./test-app.ts";

const newProduct = (name: string, minorUnits = 1000) => ({
  name,
  unitPrice: { minorUnits, currency: "EUR" },
  stock: 3,
});

describe("GET /v2/products: keyset pages", () => {
  it("walks every product once, in order, with an opaque cursor and no total", async () => {
    const { send } = await testApp();
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await send("GET", `/v2/products?limit=2${cursor === null ? "" : `&cursor=${cursor}`}`);
      assert.equal(page.status, 200);
      assert.equal("total" in page.body, false);
      ids.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    assert.deepEqual(ids, ["p-1", "p-2", "p-3", "p-4", "p-5"]);
  });

  it("stays stable while products are inserted between pages: nothing repeated, nothing skipped", async () => {
    const { send, clock } = await testApp();
    const first = await send("GET", "/v2/products?limit=2&sort=-createdAt");
    assert.deepEqual(
      first.body.items.map((item: { id: string }) => item.id),
      ["p-5", "p-4"],
    );
    clock.advance(1000);
    await send("POST", "/v2/products", { headers: AS.staff, body: newProduct("Scale") }); // lands on page 1
    const second = await send("GET", `/v2/products?limit=2&sort=-createdAt&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      second.body.items.map((item: { id: string }) => item.id),
      ["p-3", "p-2"],
    );
  });

  it("sorts by an allow-listed field, and filters", async () => {
    const { send } = await testApp();
    const cheapest = await send("GET", "/v2/products?sort=unitPrice&inStock=true&limit=2");
    assert.deepEqual(
      cheapest.body.items.map((item: { id: string }) => item.id),
      ["p-5", "p-1"],
    );
  });

  it("refuses a sort or a filter that is not on the allow-list, and a cursor from another sort", async () => {
    const { send } = await testApp();
    const bySecret = await send("GET", "/v2/products?sort=costPrice");
    assert.equal(bySecret.status, 422);
    assert.equal(bySecret.body.errors[0].field, "sort");
    const unknownFilter = await send("GET", "/v2/products?supplier=acme");
    assert.equal(unknownFilter.status, 422);
    const page = await send("GET", "/v2/products?limit=1&sort=unitPrice");
    const mixed = await send("GET", `/v2/products?sort=createdAt&cursor=${page.body.nextCursor}`);
    assert.equal(mixed.status, 422);
    assert.equal(mixed.body.errors[0].field, "cursor");
  });
});

describe("PATCH /v2/products/{id}: merge patch with If-Match", () => {
  const patch = { "Content-Type": "application/merge-patch+json", ...AS.staff };

  it("changes only the fields sent, removes a field sent as null, and moves the ETag on", async () => {
    const { send } = await testApp();
    const before = await send("GET", "/v2/products/p-1");
    assert.equal(before.headers.get("ETag"), '"0"');
    const after = await send("PATCH", "/v2/products/p-1", {
      headers: { ...patch, "If-Match": '"0"' },
      body: { description: null, stock: 39 },
    });
    assert.equal(after.status, 200);
    assert.equal(after.headers.get("ETag"), '"1"');
    assert.equal(after.body.description, null);
    assert.equal(after.body.stock, 39);
    assert.equal(after.body.name, before.body.name);
  });

  it("answers 412 to a stale If-Match and 428 to none, and changes nothing", async () => {
    const { send } = await testApp();
    await send("PATCH", "/v2/products/p-1", { headers: { ...patch, "If-Match": '"0"' }, body: { stock: 1 } });
    const stale = await send("PATCH", "/v2/products/p-1", {
      headers: { ...patch, "If-Match": '"0"' },
      body: { stock: 2 },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.type, "https://backend-field-guide.dev/reference/problems/#precondition-failed");
    const missing = await send("PATCH", "/v2/products/p-1", { headers: patch, body: { stock: 3 } });
    assert.equal(missing.status, 428);
    assert.equal((await send("GET", "/v2/products/p-1")).body.stock, 1);
  });

  it("refuses plain JSON (415), unknown fields and null for a required field (422)", async () => {
    const { send } = await testApp();
    const plain = await send("PATCH", "/v2/products/p-1", {
      headers: { ...AS.staff, "If-Match": '"0"', "Content-Type": "application/json" },
      body: { stock: 1 },
    });
    assert.equal(plain.status, 415);
    const unknown = await send("PATCH", "/v2/products/p-1", {
      headers: { ...patch, "If-Match": '"0"' },
      body: { stock: 1, colour: "red" },
    });
    assert.equal(unknown.status, 422);
    assert.deepEqual(
      unknown.body.errors.map((error: { pointer: string }) => error.pointer),
      ["/colour"],
    );
    const nullName = await send("PATCH", "/v2/products/p-1", {
      headers: { ...patch, "If-Match": '"0"' },
      body: { name: null },
    });
    assert.equal(nullName.status, 422);
    assert.equal((await send("GET", "/v2/products/p-1")).headers.get("ETag"), '"0"');
  });

  it("answers a customer 403 (the catalog is public, so refusing reveals nothing) and a stranger 401, before validation", async () => {
    const { send } = await testApp();
    const customer = await send("PATCH", "/v2/products/p-1", {
      headers: { "Content-Type": "application/merge-patch+json", ...AS.customer1, "If-Match": '"0"' },
      body: { stock: 0 },
    });
    assert.equal(customer.status, 403);
    // Even with an invalid body: a stranger is refused before the schema could tell them anything.
    const stranger = await send("PATCH", "/v2/products/p-1", {
      headers: { "Content-Type": "application/merge-patch+json", "If-Match": '"0"' },
      body: { stock: "none" },
    });
    assert.equal(stranger.status, 401);
    assert.match(stranger.headers.get("WWW-Authenticate") ?? "", /^Bearer/);
  });
});

describe("POST and DELETE /v2/products", () => {
  it("creates with 201, a Location and an ETag; a price breaking a money rule is a 422 with its rule", async () => {
    const { send } = await testApp();
    const created = await send("POST", "/v2/products", { headers: AS.staff, body: newProduct("Scale", 3900) });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get("Location"), `/v2/products/${created.body.id}`);
    assert.equal(created.headers.get("ETag"), '"0"');
    const badCurrency = await send("POST", "/v2/products", {
      headers: AS.staff,
      body: { ...newProduct("Scale"), unitPrice: { minorUnits: 100, currency: "XYZ" } },
    });
    assert.equal(badCurrency.status, 422);
    assert.equal(badCurrency.body.rule, "money.iso-currency");
  });

  it("deletes with 204; deleting again is a 404, and the state is the same: DELETE is idempotent", async () => {
    const { send } = await testApp();
    assert.equal((await send("DELETE", "/v2/products/p-5", { headers: AS.staff })).status, 204);
    assert.equal((await send("DELETE", "/v2/products/p-5", { headers: AS.staff })).status, 404);
    assert.equal((await send("GET", "/v2/products/p-5")).status, 404);
  });
});
