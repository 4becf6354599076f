import type { MiddlewareHandler } from "hono";
import type { Counter, Gauge, Histogram } from "prom-client";
import { routeTemplate } from "./route-template.ts";

type HttpLabels = "method" | "route" | "status";

/** The RED metrics the HTTP edge records (created in infrastructure, handed over by main.ts). */
export type HttpMetrics = {
  readonly requests: Counter<HttpLabels>;
  readonly requestDuration: Histogram<HttpLabels>;
  readonly inFlight: Gauge;
};

/**
 * Counts and times every request by method, route template and status. Status is read after
 * `next()`, when app.onError has already turned a thrown error into its 4xx/5xx response.
 */
export function httpMetrics(metrics: HttpMetrics, skip: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (skip.some((prefix) => c.req.path.startsWith(prefix))) return next();
    metrics.inFlight.inc();
    const started = performance.now();
    try {
      await next();
    } finally {
      metrics.inFlight.dec();
      const labels = { method: c.req.method, route: routeTemplate(c), status: String(c.res.status) };
      metrics.requests.inc(labels);
      metrics.requestDuration.observe(labels, (performance.now() - started) / 1000);
    }
  };
}
