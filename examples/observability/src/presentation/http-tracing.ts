import { context, SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import type { MiddlewareHandler } from "hono";
import { routeTemplate } from "./route-template.ts";

const propagator = new W3CTraceContextPropagator();
const headerGetter = {
  keys: (headers: Headers) => [...headers.keys()],
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
};

/**
 * The SERVER span of each request, the root of this service's part of the trace. A valid `traceparent`
 * from the caller is continued (same trace id, the caller's span as parent); otherwise a trace starts
 * here. The response echoes `traceparent` with this span's id, so a caller (or the guide's sandbox)
 * can find the trace. Paths in `skip` (the trace endpoint itself) are not traced.
 */
export function httpTracing(tracer: Tracer, skip: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (skip.some((prefix) => c.req.path.startsWith(prefix))) return next();
    const parent = propagator.extract(context.active(), c.req.raw.headers, headerGetter);
    const requestId = c.get("requestId") as string | undefined;
    const attributes = {
      "guide.layer": "presentation",
      "http.request.method": c.req.method,
      "url.path": c.req.path,
      ...(requestId ? { "http.request.header.x-request-id": [requestId] } : {}),
    };
    const span = tracer.startSpan(`${c.req.method}`, { kind: SpanKind.SERVER, attributes }, parent);
    const { traceId, spanId, traceFlags } = span.spanContext();
    c.header("traceparent", `00-${traceId}-${spanId}-0${traceFlags & 1}`);
    try {
      await context.with(trace.setSpan(parent, span), next);
    } finally {
      const template = routeTemplate(c);
      span.updateName(`${c.req.method} ${template}`);
      span.setAttributes({ "http.route": template, "http.response.status_code": c.res.status });
      // 5xx is the server's failure; a 4xx is the client's, so it leaves the server span's status unset.
      if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${c.res.status}` });
      span.end();
    }
  };
}
