import { trace } from "@opentelemetry/api";
import type { Telemetry } from "../../src/infrastructure/observed-call.ts";
import { createServiceMetrics } from "../../src/infrastructure/metrics/service-metrics.ts";

/** Telemetry for adapter tests: fresh metrics, and the API's tracer (records nothing without a provider). */
export function testTelemetry(): Telemetry {
  return { tracer: trace.getTracer("test"), metrics: createServiceMetrics() };
}
