import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { JsonLinesLogger } from "../../src/infrastructure/json-lines.logger.ts";
import { buildTestApp, postJson } from "./test-app.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it("reuses a sane X-Request-Id and echoes it in the header and the problem", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/orders/o-404", { headers: { "X-Request-Id": "checkout-7f3a" } });
    assert.equal(response.headers.get("X-Request-Id"), "checkout-7f3a");
    assert.equal(((await response.json()) as { requestId: string }).requestId, "checkout-7f3a");
  });

  it("replaces an unsafe or oversized one with a fresh UUID", async () => {
    const { app } = await buildTestApp();
    for (const unsafe of ['x"},{"level":"error', "a".repeat(129), "spaces are not ok"]) {
      const response = await app.request("/health/live", { headers: { "X-Request-Id": unsafe } });
      assert.match(response.headers.get("X-Request-Id") ?? "", UUID);
    }
  });

  it("makes one when the client sends none, also on success", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/orders", postJson({ lines: [{ productId: "p-1", quantity: 1 }] }));
    assert.equal(response.status, 201);
    assert.match(response.headers.get("X-Request-Id") ?? "", UUID);
  });
});

describe("logging failures", () => {
  it("logs each failed request exactly once, at the edge, with its request id", async () => {
    const { app, logger } = await buildTestApp();
    await app.request("/orders/o-404", { headers: { "X-Request-Id": "r-1" } });
    await app.request(
      "/orders",
      postJson({ lines: [{ productId: "p-flaky", quantity: 1 }] }, { "X-Request-Id": "r-2" }),
    );
    assert.deepEqual(
      logger.entries.map((entry) => [entry.level, entry.event, entry.fields.requestId, entry.fields.status]),
      [
        ["info", "request.rejected", "r-1", 404],
        ["error", "request.failed", "r-2", 503],
      ],
    );
  });

  it("never shows a 500's stack or message to the client, and writes both, with the cause, to the log line", async () => {
    const lines: string[] = [];
    const driverError = Object.assign(new Error("password authentication failed for user shop_admin"), {
      code: "28P01",
    });
    const bug = new TypeError("Cannot read properties of undefined (reading 'minorUnits')", { cause: driverError });
    const { app } = await buildTestApp({
      logger: new JsonLinesLogger((line) => lines.push(line)),
      overrides: {
        getOrder: {
          execute: async () => {
            throw bug;
          },
        },
      },
    });

    const response = await app.request("/orders/o-1", { headers: { "X-Request-Id": "r-500" } });
    assert.equal(response.status, 500);
    const body = await response.text();
    assert.doesNotMatch(body, /minorUnits|shop_admin|TypeError|\.ts:\d+|\bat /);
    assert.deepEqual(JSON.parse(body), {
      type: "https://backend-field-guide.dev/reference/problems/#internal-error",
      title: "Internal server error",
      status: 500,
      detail: "An unexpected error occurred. It has been logged.",
      instance: "/orders/o-1",
      requestId: "r-500",
    });

    assert.equal(lines.length, 1);
    const record = JSON.parse(lines[0] ?? "{}") as {
      level: string;
      requestId: string;
      error: { message: string; stack: string; cause: { message: string; code: string } };
    };
    assert.equal(record.level, "error");
    assert.equal(record.requestId, "r-500");
    assert.match(record.error.stack, /^TypeError: Cannot read properties/);
    assert.deepEqual(record.error.cause, { ...record.error.cause, message: driverError.message, code: "28P01" });
  });
});
