import { context, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { RecentTracesExporter } from "./recent-traces.ts";

/** What main.ts gets: a tracer for the app, the recent traces for /_guide/traces, and a flush for shutdown. */
export type Tracing = {
  readonly tracer: Tracer;
  readonly recentTraces: RecentTracesExporter;
  readonly shutdown: () => Promise<void>;
};

let contextManagerInstalled = false;

/**
 * The active span follows each request through `await`s via AsyncLocalStorage. The context manager is
 * process-wide (the API keeps one), so it is installed once, however many providers tests build.
 */
function installContextManager(): void {
  if (contextManagerInstalled) return;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  contextManagerInstalled = true;
}

/**
 * A tracer provider that keeps recent traces in memory and, when `exporter` is given (OTLP), sends
 * every span there too.
 *
 * Sampling is decided at the head, when the root span starts: parent-based, so a request that arrives
 * with a sampled `traceparent` is always recorded (the caller's trace stays whole across services),
 * and a new trace is recorded with probability `sampleRatio` (1 here: every request, so the page can
 * show it; 0.05 to 0.1 is common in production). Head sampling is cheap but blind: it decides before
 * knowing whether the request will fail or be slow. Keeping every error and every slow trace needs tail
 * sampling, done after the fact in a collector that buffers whole traces.
 */
export function createTracing(options: {
  serviceName: string;
  version: string;
  sampleRatio?: number;
  exporter?: SpanExporter;
}): Tracing {
  installContextManager();
  const recentTraces = new RecentTracesExporter({ capacity: 20 });
  // The page's copy is exported at once (the reader looks right after the request); a collector gets
  // spans in batches, off the request path.
  const processors: SpanProcessor[] = [new SimpleSpanProcessor(recentTraces)];
  if (options.exporter) processors.push(new BatchSpanProcessor(options.exporter));
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName, "service.version": options.version }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio ?? 1) }),
    spanProcessors: processors,
  });
  return {
    tracer: provider.getTracer(options.serviceName, options.version),
    recentTraces,
    shutdown: () => provider.shutdown(),
  };
}
