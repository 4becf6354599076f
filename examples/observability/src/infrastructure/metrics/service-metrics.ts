import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Every metric this service exports, in a Registry of its own (not prom-client's global one): tests
 * build as many apps as they like without "metric already registered", and /metrics shows exactly
 * these. Default process metrics (collectDefaultMetrics) are left out on purpose: they read Node
 * internals (event-loop delay, heap spaces, file descriptors) that the guide's in-browser runtime has
 * no honest values for; a production service would add them in main.ts.
 */
export function createServiceMetrics() {
  const registry = new Registry();
  const labelNames = ["method", "route", "status"] as const;
  return {
    registry,
    // RED: Rate and Errors (status), by route TEMPLATE ("/orders/:id"), never the raw path: one series per
    // order id would grow without bound and take the metrics backend down with it (cardinality).
    requests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered.",
      labelNames,
      registers: [registry],
    }),
    // RED: Duration. Buckets in seconds, from 5 ms to 5 s, around what an API's SLO cares about.
    requestDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request.",
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    // USE-style saturation of the service itself: requests being worked on right now.
    inFlight: new Gauge({
      name: "http_requests_in_flight",
      help: "HTTP requests being answered now.",
      registers: [registry],
    }),
    ...resourceMetrics(registry),
  };
}

/** Resource calls are faster than requests: buckets from 0.5 ms to 1 s. */
const RESOURCE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

/** Timings of the resources behind the use cases, and the cache's hits and misses (hit ratio = hits / (hits + misses)). */
function resourceMetrics(registry: Registry) {
  return {
    repositoryDuration: new Histogram({
      name: "repository_operation_duration_seconds",
      help: "Time spent in a repository call (a database query in production).",
      labelNames: ["repository", "operation", "outcome"] as const,
      buckets: RESOURCE_BUCKETS,
      registers: [registry],
    }),
    cacheDuration: new Histogram({
      name: "cache_operation_duration_seconds",
      help: "Time spent in a cache call.",
      labelNames: ["cache", "operation", "outcome"] as const,
      buckets: RESOURCE_BUCKETS,
      registers: [registry],
    }),
    cacheHits: new Counter({
      name: "cache_hits_total",
      help: "Cache reads that found the entry.",
      labelNames: ["cache"] as const,
      registers: [registry],
    }),
    cacheMisses: new Counter({
      name: "cache_misses_total",
      help: "Cache reads that did not.",
      labelNames: ["cache"] as const,
      registers: [registry],
    }),
  };
}

/** The metrics main.ts hands to the adapters and the HTTP app. */
export type ServiceMetrics = ReturnType<typeof createServiceMetrics>;
