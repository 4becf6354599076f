import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";

type Span = { name: string; spanId: string; parentSpanId: string | null; layer: string | null; status: string };
type Trace = { traceId: string; name: string; status: string; spans: Span[] };

const placeOrder = (url: string) =>
  fetch(`${url}/v2/orders`, {
    method: "POST",
    headers: { Authorization: "Bearer token-c-1", "Content-Type": "application/json" },
    body: JSON.stringify({ lines: [{ productId: "p-1", quantity: 2 }] }),
  });

describe("main.ts records a trace per request and serves the recent ones at /_guide/traces", () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, hostname: "127.0.0.1" });
  });
  after(() => server.shutdown());

  it("echoes traceparent, and the trace has a span per layer, each the child of the one above", async () => {
    const response = await placeOrder(server.url);
    assert.equal(response.status, 201);
    const traceparent = response.headers.get("traceparent") ?? "";
    const [, traceId] = /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/.exec(traceparent) ?? [];
    assert.ok(traceId, `a W3C traceparent, not ${JSON.stringify(traceparent)}`);

    const found = await fetch(`${server.url}/_guide/traces?traceId=${traceId}`);
    assert.equal(found.status, 200);
    const { traces } = (await found.json()) as { traces: Trace[] };
    assert.equal(traces.length, 1);
    const [trace] = traces;
    assert.equal(trace?.name, "POST /v2/orders");
    const byName = new Map(trace?.spans.map((span) => [span.name, span]));
    const route = byName.get("POST /v2/orders");
    const useCase = byName.get("OrderUseCases.place");
    const repository = byName.get("InMemoryOrderRepository.add");
    assert.equal(route?.layer, "presentation");
    assert.equal(route?.parentSpanId, null);
    assert.equal(useCase?.layer, "application");
    assert.equal(useCase?.parentSpanId, route?.spanId);
    assert.equal(repository?.layer, "infrastructure");
    assert.equal(repository?.parentSpanId, useCase?.spanId);
  });

  it("continues the caller's trace from its traceparent, and never records its own requests", async () => {
    const callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await fetch(`${server.url}/v2/products/p-1`, {
      headers: { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` },
    });
    assert.match(response.headers.get("traceparent") ?? "", new RegExp(`^00-${callerTrace}-`));
    const { traces } = (await (await fetch(`${server.url}/_guide/traces`)).json()) as { traces: Trace[] };
    assert.equal(traces[0]?.traceId, callerTrace, "newest first");
    assert.equal(traces[0]?.name, "GET /v2/products/:id");
    assert.ok(traces.every((trace) => !trace.name.includes("_guide")));
  });

  it("marks a use case that threw as an error span", async () => {
    const response = await fetch(`${server.url}/v2/orders/o-404`, { headers: { Authorization: "Bearer token-c-1" } });
    assert.equal(response.status, 404);
    const traceId = (response.headers.get("traceparent") ?? "").split("-")[1];
    const { traces } = (await (await fetch(`${server.url}/_guide/traces?traceId=${traceId}`)).json()) as {
      traces: Trace[];
    };
    const useCase = traces[0]?.spans.find((span) => span.name === "OrderUseCases.get");
    assert.equal(useCase?.status, "error");
  });
});

describe("with NODE_ENV=production", () => {
  let server: RunningServer;
  const previous = process.env.NODE_ENV;
  before(async () => {
    process.env.NODE_ENV = "production";
    server = await startServer({ port: 0, hostname: "127.0.0.1" });
  });
  after(async () => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
    await server.shutdown();
  });

  it("does not serve /_guide/traces: 404 like any unknown path", async () => {
    const response = await fetch(`${server.url}/_guide/traces`);
    assert.equal(response.status, 404);
  });
});
