import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { testApp } from "./test-app.ts";

describe("/openapi.json, generated from the routes' zod schemas", () => {
  it("is an OpenAPI 3.1 document with every operation, separate create and patch schemas, and problem responses", async () => {
    const { app } = await testApp();
    const response = await app.request("/openapi.json");
    assert.equal(response.status, 200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    assert.equal(document.openapi, "3.1.0");
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const expected of ["POST /v2/orders", "PATCH /v2/products/{id}", "GET /v1/orders/{id}", "GET /health/ready"]) {
      assert.ok(operations.includes(expected), `${expected} is documented`);
    }
    assert.ok(document.components.schemas.ProductCreate && document.components.schemas.ProductPatch);
    const notFound = document.paths["/v2/orders/{id}"]?.get?.responses["404"];
    assert.ok(notFound?.content?.["application/problem+json"], "errors are documented as problem+json");
  });
});

describe("the conformance check fails when a response strays from the document", () => {
  const check = async (response: Response, method = "GET", path = "/v2/products/p-1") => {
    const { conformance } = await testApp();
    return conformance.check(method, path, response);
  };
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

  it("accepts a response as the document describes it", async () => {
    const { app } = await testApp();
    assert.deepEqual(await check(await app.request("/v2/products/p-1")), []);
  });

  it("reports a field of the wrong type, a missing required header, an undeclared status or media type", async () => {
    const { app } = await testApp();
    const product = (await (await app.request("/v2/products/p-1")).json()) as Record<string, unknown>;
    assert.deepEqual(await check(json({ ...product, stock: "40" }, 200, { ETag: '"0"' })), [
      'GET /v2/products/p-1 → 200: body/stock Instance type "string" is invalid. Expected "integer".',
    ]);
    assert.deepEqual(await check(json(product)), ["GET /v2/products/p-1 → 200: missing header ETag"]);
    assert.deepEqual(await check(json(product, 202, { ETag: '"0"' })), [
      "GET /v2/products/p-1 → 202: status not declared for GET /v2/products/{id}",
    ]);
    const asText = new Response("{}", { headers: { "Content-Type": "text/plain", ETag: '"0"' } });
    assert.deepEqual(await check(asText), ['GET /v2/products/p-1 → 200: undeclared media type "text/plain"']);
    assert.deepEqual(await check(json({}), "GET", "/v3/products"), [
      "GET /v3/products → 200: no such operation in /openapi.json",
    ]);
  });
});
