import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { GetProductUseCase } from "../../src/application/get-product.use-case.ts";
import { createApp, type AppDeps } from "../../src/presentation/app.ts";
import { testCatalogue } from "../fakes/test-catalogue.ts";

type Problem = { type: string; title: string; status: number; detail: string; rule?: string };

function testApp(overrides: Partial<AppDeps> = {}) {
  const catalogue = testCatalogue();
  const unexpectedErrors: unknown[] = [];
  const app = createApp({
    getProduct: catalogue.getProduct,
    updateProductPrice: catalogue.updateProductPrice,
    getCacheStats: catalogue.getCacheStats,
    isReady: () => true,
    reportUnexpectedError: (error) => unexpectedErrors.push(error),
    ...overrides,
  });
  const put = (path: string, body: string, contentType = "application/json") =>
    app.request(path, { method: "PUT", body, headers: { "Content-Type": contentType } });
  return { app, put, catalogue, unexpectedErrors };
}

async function problemOf(response: Response): Promise<Problem> {
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  return (await response.json()) as Problem;
}

describe("reads over HTTP say where they came from", () => {
  test("X-Cache: MISS, then HIT", async () => {
    const { app } = testApp();
    const first = await app.request("/products/p-1");
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("x-cache"), "MISS");
    const second = await app.request("/products/p-1");
    assert.equal(second.headers.get("x-cache"), "HIT");
    assert.deepEqual(await second.json(), await first.json());
  });

  test("an unknown id is 404 problem+json both times, the second from the negative cache", async () => {
    const { app, catalogue } = testApp();
    const first = await app.request("/products/p-404");
    const second = await app.request("/products/p-404");
    assert.deepEqual([first.status, second.status], [404, 404]);
    assert.deepEqual([first.headers.get("x-cache"), second.headers.get("x-cache")], ["MISS", "HIT"]);
    assert.equal((await problemOf(second)).detail, "Product p-404 does not exist");
    assert.equal(catalogue.products.reads, 1);
  });

  test("PUT changes the price and the next GET misses and shows it", async () => {
    const { app, put } = testApp();
    await app.request("/products/p-2");
    const updated = await put("/products/p-2", '{"price":{"currency":"EUR","minorUnits":1290}}');
    assert.equal(updated.status, 200);
    const read = await app.request("/products/p-2");
    assert.equal(read.headers.get("x-cache"), "MISS");
    assert.deepEqual(((await read.json()) as { price: unknown }).price, { currency: "EUR", minorUnits: 1290 });
  });

  test("GET /cache/stats reports hits, misses and the hit ratio", async () => {
    const { app } = testApp();
    for (const id of ["p-1", "p-1", "p-1", "p-404"]) await app.request(`/products/${id}`);
    const stats = (await (await app.request("/cache/stats")).json()) as Record<string, number>;
    assert.equal(stats.hits, 2);
    assert.equal(stats.misses, 2);
    assert.equal(stats.hitRatio, 0.5);
    assert.equal(stats.size, 2);
    assert.equal(stats.loads, 2);
  });
});

describe("bad input gets a problem+json answer and changes nothing", () => {
  const unchanged = async (app: ReturnType<typeof testApp>["app"]) =>
    ((await (await app.request("/products/p-1")).json()) as { price: unknown }).price;

  test("malformed JSON → 400", async () => {
    const { app, put } = testApp();
    const response = await put("/products/p-1", '{"price": {"currency": "EUR",');
    assert.equal(response.status, 400);
    assert.equal((await problemOf(response)).title, "Malformed JSON");
    assert.deepEqual(await unchanged(app), { currency: "EUR", minorUnits: 8900 });
  });

  test("a body that is not JSON → 415", async () => {
    const { put } = testApp();
    assert.equal((await put("/products/p-1", "price=1", "text/plain")).status, 415);
  });

  test("wrong types and unknown fields → 422 with a pointer per field", async () => {
    const { app, put } = testApp();
    const response = await put("/products/p-1", '{"price":{"currency":42,"minorUnits":"9.90"},"name":"x"}');
    assert.equal(response.status, 422);
    const problem = (await problemOf(response)) as Problem & { errors: { pointer: string }[] };
    assert.deepEqual(problem.errors.map((e) => e.pointer).sort(), ["", "/price/currency", "/price/minorUnits"]);
    assert.deepEqual(await unchanged(app), { currency: "EUR", minorUnits: 8900 });
  });

  test("a negative amount or an unknown currency breaks a Money rule → 422", async () => {
    const { app, put } = testApp();
    const cases: [string, string][] = [
      ['{"price":{"currency":"EUR","minorUnits":-5}}', "money.non-negative-integer"],
      ['{"price":{"currency":"XYZ","minorUnits":100}}', "money.iso-currency"],
    ];
    for (const [body, rule] of cases) {
      const response = await put("/products/p-1", body);
      assert.equal(response.status, 422, rule);
      const problem = await problemOf(response);
      assert.equal(problem.rule, rule);
      assert.equal(problem.type, "https://backend-field-guide.dev/reference/problems/#business-rule-violation");
    }
    assert.deepEqual(await unchanged(app), { currency: "EUR", minorUnits: 8900 });
  });

  test("an unknown id → 404", async () => {
    const { put } = testApp();
    const response = await put("/products/p-404", '{"price":{"currency":"EUR","minorUnits":100}}');
    assert.equal(response.status, 404);
    assert.equal((await problemOf(response)).detail, "Product p-404 does not exist");
  });

  test("a price in another currency breaks a rule → 422, and the cached price stays", async () => {
    const { app, put } = testApp();
    await app.request("/products/p-1");
    const response = await put("/products/p-1", '{"price":{"currency":"USD","minorUnits":9900}}');
    assert.equal(response.status, 422);
    assert.equal((await problemOf(response)).rule, "product.price-currency");
    const read = await app.request("/products/p-1");
    assert.equal(read.headers.get("x-cache"), "HIT");
    assert.deepEqual(((await read.json()) as { price: unknown }).price, { currency: "EUR", minorUnits: 8900 });
  });

  test("an unexpected error → 500 with a generic body; the details go to the error reporter only", async () => {
    const broken = {
      execute: async () => {
        throw new TypeError("secret");
      },
    } as unknown as GetProductUseCase;
    const { app, unexpectedErrors } = testApp({ getProduct: broken });
    const response = await app.request("/products/p-1");
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /secret|TypeError/);
    assert.equal(unexpectedErrors.length, 1);
  });
});

describe("health", () => {
  test("live is always 200; ready follows isReady", async () => {
    assert.equal((await testApp().app.request("/health/live")).status, 200);
    assert.equal((await testApp().app.request("/health/ready")).status, 200);
    assert.equal((await testApp({ isReady: () => false }).app.request("/health/ready")).status, 503);
  });
});
