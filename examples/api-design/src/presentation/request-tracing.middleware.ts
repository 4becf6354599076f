/**
 * One server span per HTTP request, the parent of every span the request causes (use case, repository, SQL).
 * An incoming W3C `traceparent` makes it the continuation of the caller's trace; the response carries the
 * server span's own `traceparent`, so a client (the guide's sandbox) can find the trace of what it sent.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";

export type RequestTracingOptions = {
  readonly tracer: Tracer;
  /** Paths whose requests are not traced (the endpoint that serves the traces). */
  readonly untracedPaths?: readonly string[];
};

export function traceRequests({ tracer, untracedPaths = [] }: RequestTracingOptions): MiddlewareHandler {
  return async (c, next) => {
    if (untracedPaths.includes(c.req.path)) return next();
    const incoming = propagation.extract(context.active(), c.req.header());
    const requestId = c.req.header("X-Request-ID");
    const span = tracer.startSpan(
      c.req.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          "guide.layer": "presentation",
          "http.request.method": c.req.method,
          "url.path": c.req.path,
          ...(requestId ? { "http.request.header.x-request-id": [requestId] } : {}),
        },
      },
      incoming,
    );
    const inSpan = trace.setSpan(incoming, span);
    try {
      await context.with(inSpan, next);
    } finally {
      // The route template, not the raw path: "/v2/orders/:id" names every such request alike.
      const route = routePath(c, -1);
      const name = route.includes("*") ? c.req.method : `${c.req.method} ${route}`;
      span.updateName(name);
      if (!route.includes("*")) span.setAttribute("http.route", route);
      span.setAttribute("http.response.status_code", c.res.status);
      // A server span fails on 5xx only: a 4xx is the client's mistake, answered correctly.
      if (c.res.status >= 500) {
        if (c.error) span.recordException(c.error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: c.error?.message ?? `HTTP ${c.res.status}` });
      }
      span.end();
    }
    const headers: Record<string, string> = {};
    propagation.inject(inSpan, headers);
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
