import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTestApp, postJson } from "./test-app.ts";

const order = { lines: [{ productId: "p-1", quantity: 1 }] };

describe("structured logs", () => {
  it("reuses a sane X-Request-Id, echoes it, and writes it on every line of that request", async () => {
    const { app, logs } = await buildTestApp({ outages: { database: false, cache: true } });
    const response = await app.request("/orders", postJson(order, { "X-Request-Id": "trace-me-1" }));
    assert.equal(response.status, 201);
    assert.equal(response.headers.get("X-Request-Id"), "trace-me-1");
    const lines = logs.forRequest("trace-me-1");
    // The cache outage warning, deep in the catalogue, carries the id too: no logger was passed down.
    assert.deepEqual(
      lines.map((line) => line.event),
      ["cache.unavailable", "request.completed"],
    );
    assert.equal(logs.lines.filter((line) => line.event === "request.completed").length, 1);
  });

  it("replaces a request id that could forge log lines with a generated one", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/health/live", { headers: { "X-Request-Id": 'x" {"level":"error"}' } });
    assert.match(response.headers.get("X-Request-Id") ?? "", /^[0-9a-f-]{36}$/);
  });

  it("writes JSON lines with the service, the level name, an ISO time, and the trace id", async () => {
    const { app, logs } = await buildTestApp();
    const response = await app.request("/orders/o-1", { headers: { "X-Request-Id": "fields-1" } });
    const [line] = logs.forRequest("fields-1");
    assert.equal(line?.level, "info");
    assert.equal(line?.service, "observability");
    assert.equal(line?.route, "/orders/:id");
    assert.match(String(line?.time), /^\d{4}-\d\d-\d\dT/);
    assert.equal(line?.traceId, response.headers.get("traceparent")?.split("-")[1]);
  });

  it("redacts the Authorization and X-Api-Key headers", async () => {
    const { app, logs } = await buildTestApp();
    // (Not Cookie: a browser's fetch drops it from requests, so the in-browser runtime could not send it.)
    const headers = { "X-Request-Id": "secret-1", Authorization: "Bearer s3cr3t", "X-Api-Key": "key-abc" };
    await app.request("/orders/o-1", { headers });
    const [line] = logs.forRequest("secret-1");
    const logged = (line?.req as { headers: Record<string, string> }).headers;
    assert.equal(logged.authorization, "[REDACTED]");
    assert.equal(logged["x-api-key"], "[REDACTED]");
    assert.doesNotMatch(JSON.stringify(logs.lines), /s3cr3t|key-abc/);
  });

  it("logs a failure once, as an error with its cause chain, and the client sees none of it", async () => {
    const { app, logs } = await buildTestApp();
    const body = { lines: [{ productId: "p-flaky", quantity: 1 }] };
    const response = await app.request("/orders", postJson(body, { "X-Request-Id": "fail-1" }));
    assert.equal(response.status, 503);
    assert.doesNotMatch(await response.text(), /ECONNREFUSED|stack/);
    const errors = logs.forRequest("fail-1").filter((line) => line.level === "error");
    assert.equal(errors.length, 1);
    const err = errors[0]?.err as { type: string; message: string; stack: string; cause: { message: string } };
    assert.equal(err.type, "ExternalAPIError");
    assert.match(err.cause.message, /fetch failed/);
  });

  it("logs a refused request (4xx) as info, without a stack", async () => {
    const { app, logs } = await buildTestApp();
    await app.request("/orders/o-404", { headers: { "X-Request-Id": "missing-1" } });
    const rejected = logs.forRequest("missing-1").find((line) => line.event === "request.rejected");
    assert.equal(rejected?.level, "info");
    assert.equal(rejected?.err, undefined);
  });

  it("writes no access line for a metrics scrape or the guide's trace endpoint", async () => {
    const { app, logs } = await buildTestApp();
    await app.request("/metrics", { headers: { "X-Request-Id": "scrape-1" } });
    await app.request("/_guide/traces", { headers: { "X-Request-Id": "scrape-2" } });
    assert.deepEqual([...logs.forRequest("scrape-1"), ...logs.forRequest("scrape-2")], []);
  });
});
