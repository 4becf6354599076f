import type { Attributes, Tracer } from "@opentelemetry/api";
import type { Histogram } from "prom-client";
import type { ServiceMetrics } from "./metrics/service-metrics.ts";
import { inSpan } from "./tracing/in-span.ts";

/** What an instrumented adapter needs: a tracer for spans and the service's metrics. */
export type Telemetry = { readonly tracer: Tracer; readonly metrics: ServiceMetrics };

/**
 * One call to a resource, observed twice: as a span in the infrastructure layer (where in THIS
 * request the time went) and in a duration histogram labelled with its outcome (how this resource
 * behaves across ALL requests). The two answer different questions; a service needs both.
 */
export function observedCall<T, L extends string>(
  tracer: Tracer,
  call: { span: string; attributes?: Attributes; histogram: Histogram<L>; labels: Partial<Record<L, string>> },
  work: () => Promise<T>,
): Promise<T> {
  return inSpan(tracer, call.span, { layer: "infrastructure", attributes: call.attributes }, async () => {
    const started = performance.now();
    let outcome = "error";
    try {
      const result = await work();
      outcome = "ok";
      return result;
    } finally {
      call.histogram.observe(
        { ...call.labels, outcome } as Partial<Record<L, string>>,
        (performance.now() - started) / 1000,
      );
    }
  });
}
