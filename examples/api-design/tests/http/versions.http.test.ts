import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { AS, testApp } from "./test-app.ts";

describe("v1 is deprecated", () => {
  it("answers with its old shape and Deprecation, Sunset and Link headers", async () => {
    const { send } = await testApp();
    const product = await send("GET", "/v1/products/p-1");
    assert.equal(product.status, 200);
    assert.deepEqual(product.body, {
      id: "p-1",
      name: "Espresso beans 1 kg",
      price: "24.00",
      currency: "EUR",
      inStock: true,
    });
    assert.equal(product.headers.get("Deprecation"), "@1767225600"); // RFC 9745: 2026-01-01T00:00:00Z
    assert.equal(product.headers.get("Sunset"), "Thu, 01 Jul 2027 00:00:00 GMT"); // RFC 8594: an HTTP date
    assert.match(product.headers.get("Link") ?? "", /rel="deprecation"/);
    assert.match(product.headers.get("Link") ?? "", /<\/v2\/products\/p-1>; rel="successor-version"/);
  });

  it("marks its errors too, and follows the same ownership rule as v2", async () => {
    const { send } = await testApp();
    const other = await send("GET", "/v1/orders/o-1", { headers: AS.customer2 });
    assert.equal(other.status, 404);
    assert.equal(other.headers.get("Deprecation"), "@1767225600");
    const own = await send("GET", "/v1/orders/o-1", { headers: AS.customer1 });
    assert.deepEqual(own.body, { id: "o-1", customerId: "c-1", status: "pending", total: "48.00", currency: "EUR" });
  });

  it("is marked deprecated in /openapi.json, and v2 is not", async () => {
    const { app } = await testApp();
    const document = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, { get?: { deprecated?: boolean } }>;
    };
    assert.equal(document.paths["/v1/products/{id}"]?.get?.deprecated, true);
    assert.equal(document.paths["/v2/products/{id}"]?.get?.deprecated, undefined);
  });
});
