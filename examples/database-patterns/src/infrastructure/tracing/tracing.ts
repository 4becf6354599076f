/**
 * OpenTelemetry for this service: a tracer whose finished spans land in the recent-traces exporter, the
 * AsyncLocalStorage context manager (so a span started in a route is the parent of the spans started while
 * that request is handled, across awaits) and W3C Trace Context propagation (`traceparent` in and out).
 */
import { context, propagation, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { RecentTracesExporter } from "./recent-traces.ts";

export type Tracing = {
  readonly tracer: Tracer;
  readonly recentTraces: RecentTracesExporter;
  /** Ends the provider: spans started later are dropped. */
  readonly shutdown: () => Promise<void>;
};

let registered = false;

/**
 * The context manager and the propagator are process-wide in OpenTelemetry's API: registered once, even when
 * a test starts several servers in one process. Each server keeps its own tracer and its own recent traces.
 */
function registerProcessWide(): void {
  if (registered) return;
  registered = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
}

export function startTracing(serviceName: string): Tracing {
  registerProcessWide();
  const recentTraces = new RecentTracesExporter();
  // Simple, not batching: a span is readable as soon as it ends, which the sandbox relies on.
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(recentTraces)] });
  return {
    tracer: provider.getTracer(serviceName),
    recentTraces,
    shutdown: () => provider.shutdown(),
  };
}
