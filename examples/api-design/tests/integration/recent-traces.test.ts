import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RecentTracesExporter } from "../../src/infrastructure/tracing/recent-traces.ts";

function tracerWith(exporter: RecentTracesExporter) {
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return provider.getTracer("test");
}

describe("RecentTracesExporter", () => {
  it("lists two traces that start in the same millisecond newest first", () => {
    const exporter = new RecentTracesExporter();
    const tracer = tracerWith(exporter);
    tracer.startSpan("GET /v2/orders", { startTime: new Date(3_000) }).end(new Date(3_001));
    tracer.startSpan("GET /v2/products/:id", { startTime: new Date(3_000) }).end(new Date(3_001));

    const names = exporter.recent().traces.map((recorded) => recorded.name);
    assert.deepEqual(names, ["GET /v2/products/:id", "GET /v2/orders"]);
  });

  it("lists a child that starts in the same millisecond as its parent after the parent", () => {
    const exporter = new RecentTracesExporter();
    const tracer = tracerWith(exporter);
    const root = tracer.startSpan("GET /v2/orders", { startTime: new Date(2_000) });
    const useCase = tracer.startSpan(
      "OrderUseCases.list",
      { startTime: new Date(2_001) },
      trace.setSpan(ROOT_CONTEXT, root),
    );
    // The repository span ends (and is exported) first, with the same start as its parent: a coarse clock.
    const repository = tracer.startSpan(
      "InMemoryOrderRepository.list",
      { startTime: new Date(2_001) },
      trace.setSpan(trace.setSpan(ROOT_CONTEXT, root), useCase),
    );
    repository.end(new Date(2_002));
    useCase.end(new Date(2_003));
    root.end(new Date(2_004));

    const names = exporter.recent().traces[0]?.spans.map((span) => span.name);
    assert.deepEqual(names, ["GET /v2/orders", "OrderUseCases.list", "InMemoryOrderRepository.list"]);
  });

  it("serialises a trace: the root first, parents by id, layers, times from the trace's start", () => {
    const exporter = new RecentTracesExporter();
    const tracer = tracerWith(exporter);
    const root = tracer.startSpan("POST /v2/orders", {
      kind: SpanKind.SERVER,
      startTime: new Date(1_000),
      attributes: { "guide.layer": "presentation", "http.request.header.x-request-id": ["req-1"] },
    });
    // Parents are passed explicitly: no context manager is registered in this test.
    const inRoot = trace.setSpan(ROOT_CONTEXT, root);
    const useCase = tracer.startSpan(
      "OrderUseCases.create",
      { startTime: new Date(1_002), attributes: { "guide.layer": "application" } },
      inRoot,
    );
    const repository = tracer.startSpan(
      "InMemoryOrderRepository.save",
      { startTime: new Date(1_003), attributes: { "guide.layer": "infrastructure" } },
      trace.setSpan(inRoot, useCase),
    );
    repository.end(new Date(1_004));
    useCase.end(new Date(1_009));
    root.end(new Date(1_012));

    const { traces } = exporter.recent();
    assert.equal(traces.length, 1);
    const [only] = traces;
    assert.equal(only?.traceId, root.spanContext().traceId);
    assert.equal(only?.name, "POST /v2/orders");
    assert.equal(only?.requestId, "req-1");
    assert.equal(only?.startTime, new Date(1_000).toISOString());
    assert.equal(only?.durationMs, 12);
    assert.equal(only?.status, "ok");
    assert.deepEqual(
      only?.spans.map(({ name, parentSpanId, kind, layer, startOffsetMs, durationMs }) => ({
        name,
        parentSpanId,
        kind,
        layer,
        startOffsetMs,
        durationMs,
      })),
      [
        {
          name: "POST /v2/orders",
          parentSpanId: null,
          kind: "server",
          layer: "presentation",
          startOffsetMs: 0,
          durationMs: 12,
        },
        {
          name: "OrderUseCases.create",
          parentSpanId: root.spanContext().spanId,
          kind: "internal",
          layer: "application",
          startOffsetMs: 2,
          durationMs: 7,
        },
        {
          name: "InMemoryOrderRepository.save",
          parentSpanId: useCase.spanContext().spanId,
          kind: "internal",
          layer: "infrastructure",
          startOffsetMs: 3,
          durationMs: 1,
        },
      ],
    );
  });

  it("marks the trace as an error when a span failed, with its message and exception event", () => {
    const exporter = new RecentTracesExporter();
    const tracer = tracerWith(exporter);
    const root = tracer.startSpan("GET /v2/orders/:id", { startTime: new Date(5_000) });
    const child = tracer.startSpan("lookup", { startTime: new Date(5_001) }, trace.setSpan(ROOT_CONTEXT, root));
    child.recordException(new Error("no such order"), new Date(5_002));
    child.setStatus({ code: SpanStatusCode.ERROR, message: "no such order" });
    child.end(new Date(5_003));
    root.end(new Date(5_004));

    const [only] = exporter.recent(root.spanContext().traceId).traces;
    assert.equal(only?.status, "error");
    const failed = only?.spans[1];
    assert.equal(failed?.status, "error");
    assert.equal(failed?.statusMessage, "no such order");
    assert.equal(failed?.layer, null);
    assert.deepEqual(
      failed?.events.map((event) => [event.name, event.offsetMs, event.attributes["exception.message"]]),
      [["exception", 2, "no such order"]],
    );
  });

  it("keeps only the newest traces, newest first; an unknown id finds none; shutdown forgets them", async () => {
    const exporter = new RecentTracesExporter({ capacity: 3 });
    const tracer = tracerWith(exporter);
    for (let i = 1; i <= 5; i += 1) {
      tracer.startSpan(`request ${i}`, { startTime: new Date(i * 1_000) }).end(new Date(i * 1_000 + 1));
    }
    assert.deepEqual(
      exporter.recent().traces.map((each) => each.name),
      ["request 5", "request 4", "request 3"],
    );
    assert.deepEqual(exporter.recent("0".repeat(32)).traces, []);
    await exporter.shutdown();
    assert.deepEqual(exporter.recent().traces, []);
  });
});
