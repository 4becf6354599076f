import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trace } from "@opentelemetry/api";
import { ExternalAPIError } from "../../src/application/ports/infrastructure-errors.ts";
import { ProductId } from "../../src/domain/identifiers.ts";
import { HttpStockGateway, type FetchLike } from "../../src/infrastructure/http-stock.gateway.ts";
import { simulatedWarehouse } from "../../src/infrastructure/simulated-warehouse.ts";
import { createTracing } from "../../src/infrastructure/tracing/tracer-provider.ts";

const ids = [ProductId.of("p-1"), ProductId.of("p-2")];
const gatewayWith = (fetch: FetchLike, timeoutMs?: number) =>
  new HttpStockGateway({ baseUrl: "https://warehouse.test", fetch, timeoutMs, tracer: trace.getTracer("test") });

/** Asserts an ExternalAPIError from the warehouse with this status code, and returns it. */
async function externalError(promise: Promise<unknown>, statusCode: number | null): Promise<ExternalAPIError> {
  const error = await promise.then(
    () => assert.fail("expected an ExternalAPIError"),
    (thrown: unknown) => thrown,
  );
  assert.ok(error instanceof ExternalAPIError, `got ${String(error)}`);
  assert.equal(error.service, "warehouse");
  assert.equal(error.statusCode, statusCode);
  return error;
}

describe("HttpStockGateway", () => {
  it("reads stock levels, and treats a product the warehouse does not list as none", async () => {
    const levels = await gatewayWith(simulatedWarehouse({ "p-1": 7 })).availableQuantities(ids);
    assert.deepEqual([...levels], [["p-1", 7]]);
  });

  it("translates a refused connection into ExternalAPIError(statusCode null), keeping fetch's error as cause", async () => {
    const gateway = gatewayWith(simulatedWarehouse({}));
    const error = await externalError(gateway.availableQuantities([ProductId.of("p-flaky")]), null);
    assert.ok(error.cause instanceof TypeError);
    assert.equal((error.cause.cause as { code?: string }).code, "ECONNREFUSED");
  });

  it("translates an error status, keeping the upstream answer for the log", async () => {
    const gateway = gatewayWith(async () => new Response("upstream connect error", { status: 503 }));
    const error = await externalError(gateway.availableQuantities(ids), 503);
    assert.match(error.message, /answered 503: upstream connect error/);
  });

  it("translates a body it cannot read", async () => {
    const gateway = gatewayWith(async () => Response.json({ "p-1": "many" }));
    const error = await externalError(gateway.availableQuantities(ids), 200);
    assert.ok(error.cause instanceof Error);
  });

  it("gives up after its timeout instead of hanging", async () => {
    const hangs: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const error = await externalError(gatewayWith(hangs, 10).availableQuantities(ids), null);
    assert.match(error.message, /timed out after 10 ms/);
    assert.equal((error.cause as Error).name, "TimeoutError");
  });
});

describe("HttpStockGateway's trace context", () => {
  it("sends its CLIENT span as a W3C traceparent header, in the caller's trace", async () => {
    const { tracer, recentTraces } = createTracing({ serviceName: "test", version: "0" });
    let received: string | null = null;
    const capture: FetchLike = async (_url, init) => {
      received = new Headers(init?.headers).get("traceparent");
      return Response.json({});
    };
    const gateway = new HttpStockGateway({ baseUrl: "https://warehouse.test", fetch: capture, tracer });
    const traceId = await tracer.startActiveSpan("caller", async (span) => {
      await gateway.availableQuantities(ids);
      span.end();
      return span.spanContext().traceId;
    });
    const client = recentTraces.recent(traceId).traces[0]?.spans.find((span) => span.kind === "client");
    assert.equal(received, `00-${traceId}-${client?.spanId}-01`);
  });
});
