import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTestApp, postJson } from "./test-app.ts";

describe("the HTTP edge", () => {
  it("answers an unknown route with a 404 problem", async () => {
    const response = await buildTestApp().app.request("/customers");
    assert.equal(response.status, 404);
    assert.equal(response.headers.get("Content-Type"), "application/problem+json");
    assert.equal(((await response.json()) as { detail: string }).detail, "No route for GET /customers");
  });

  it("turns an unexpected error into a generic 500, reports it once, and leaks nothing", async () => {
    const bug = new Error("secret connection string postgres://admin:hunter2@db");
    const { app, unexpectedErrors } = buildTestApp({
      createOrder: {
        execute: async () => {
          throw bug;
        },
      },
    });
    const response = await app.request("/orders", postJson({ customerId: "c-1", lines: [] }));
    assert.equal(response.status, 500);
    const body = await response.text();
    assert.doesNotMatch(body, /hunter2|secret|at .*\.ts/);
    assert.equal(JSON.parse(body).detail, "An unexpected error occurred. It has been logged.");
    assert.deepEqual(unexpectedErrors, [bug]);
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const { app } = buildTestApp();
    const response = await app.request("/orders", postJson({ customerId: "x".repeat(70_000), lines: [] }));
    assert.equal(response.status, 413);
    assert.equal(response.headers.get("Content-Type"), "application/problem+json");
  });
});
