import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Trace } from "../../src/infrastructure/tracing/recent-traces.ts";
import { buildTestApp, postJson } from "./test-app.ts";

const order = { lines: [{ productId: "p-1", quantity: 1 }] };

/** The trace of a response, from its echoed traceparent, as /_guide/traces serves it. */
async function traceOf(app: { request: (path: string) => Response | Promise<Response> }, response: Response) {
  const traceId = response.headers.get("traceparent")?.split("-")[1] ?? "";
  const body = (await (await app.request(`/_guide/traces?traceId=${traceId}`)).json()) as { traces: Trace[] };
  assert.equal(body.traces.length, 1, `no trace ${traceId}`);
  return body.traces[0]!;
}

describe("tracing", () => {
  it("records a span per layer: route, use case, cache, repository, outgoing call", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/orders", postJson(order, { "X-Request-Id": "spans-1" }));
    const trace = await traceOf(app, response);
    assert.equal(trace.name, "POST /orders");
    assert.equal(trace.requestId, "spans-1");
    const byName = new Map(trace.spans.map((span) => [span.name, span]));
    const root = trace.spans[0];
    const useCase = byName.get("PlaceOrder");
    assert.deepEqual(
      [root?.name, root?.layer, root?.kind, root?.parentSpanId],
      ["POST /orders", "presentation", "server", null],
    );
    assert.equal(root?.attributes["http.route"], "/orders");
    assert.deepEqual([useCase?.layer, useCase?.parentSpanId], ["application", root?.spanId]);
    // Under the use case, the calls it made, in the order it made them (spans that start in the same clock
    // tick keep the order they ended in, so only the calls' order is compared, not the use case's place).
    const calls = trace.spans.filter((span) => span.parentSpanId === useCase?.spanId);
    assert.deepEqual(
      calls.map((span) => [span.name, span.layer, span.kind]),
      [
        ["ProductCache.get", "infrastructure", "internal"],
        ["ProductRepository.findByIds", "infrastructure", "internal"],
        ["ProductCache.set", "infrastructure", "internal"],
        ["GET warehouse /stock", "infrastructure", "client"],
        ["OrderRepository.add", "infrastructure", "internal"],
      ],
    );
    assert.equal(trace.spans.length, 7);
  });

  it("continues the caller's trace from a traceparent header, and echoes its own span", async () => {
    const { app } = await buildTestApp();
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const response = await app.request("/orders/o-1", { headers: { traceparent } });
    assert.match(
      response.headers.get("traceparent") ?? "",
      /^00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01$/,
    );
    const trace = await traceOf(app, response);
    assert.equal(trace.traceId, "4bf92f3577b34da6a3ce929d0e0e4736");
    assert.equal(trace.spans[0]?.parentSpanId, null); // the caller's span lives in the caller's service
  });

  it("starts a new trace when the traceparent is malformed", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/orders/o-1", { headers: { traceparent: "00-nonsense-01" } });
    assert.match(response.headers.get("traceparent") ?? "", /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it("records the exception and ERROR status on the failing span, and marks the trace as failed", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/orders", postJson({ lines: [{ productId: "p-flaky", quantity: 1 }] }));
    assert.equal(response.status, 503);
    const trace = await traceOf(app, response);
    assert.equal(trace.status, "error");
    const call = trace.spans.find((span) => span.kind === "client");
    assert.equal(call?.status, "error");
    assert.equal(call?.events[0]?.name, "exception");
    assert.equal(call?.events[0]?.attributes["exception.type"], "ExternalAPIError");
    assert.equal(trace.spans[0]?.status, "error"); // the server span: a 5xx
  });

  it("leaves the server span's status unset for a refused request (4xx), while the use case records why", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/orders", postJson({ lines: [{ productId: "p-3", quantity: 1 }] }));
    assert.equal(response.status, 409);
    const trace = await traceOf(app, response);
    assert.equal(trace.spans[0]?.status, "unset");
    const useCase = trace.spans.find((span) => span.name === "PlaceOrder");
    assert.equal(useCase?.events[0]?.attributes["exception.type"], "InsufficientStockError");
  });

  it("lists recent traces newest first, and not its own requests", async () => {
    const { app } = await buildTestApp();
    await app.request("/orders/o-1");
    await app.request("/products/p-2");
    await app.request("/_guide/traces");
    const { traces } = (await (await app.request("/_guide/traces")).json()) as { traces: Trace[] };
    assert.deepEqual(
      traces.map((trace) => trace.name),
      ["GET /products/:id", "GET /orders/:id"],
    );
  });

  it("answers an unknown trace id with no traces", async () => {
    const { app } = await buildTestApp();
    const response = await app.request(`/_guide/traces?traceId=${"0".repeat(31)}1`);
    assert.deepEqual(await response.json(), { traces: [] });
  });

  it("does not mount /_guide in production", async () => {
    const { app } = await buildTestApp({ production: true });
    assert.equal((await app.request("/_guide/traces")).status, 404);
    assert.equal((await app.request("/_guide/outages", { method: "PUT" })).status, 404);
  });
});
