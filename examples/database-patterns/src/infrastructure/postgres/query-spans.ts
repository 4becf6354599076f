import { SpanKind, SpanStatusCode, trace, type Tracer } from "@opentelemetry/api";
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from "@opentelemetry/semantic-conventions";
import type { LogEvent } from "kysely";

/**
 * A client span for every SQL statement sent inside a traced request, with OpenTelemetry's database attributes:
 * the statement's text as sent (with `$1` placeholders, never the values) and its operation. Kysely calls its
 * `log` option once a statement has finished, with its duration, so the span is recorded afterwards with the
 * start it had. Statements outside a request (migrations and seeding at start-up) start no trace of their own.
 */
export function recordQuerySpans(tracer: Tracer): (event: LogEvent) => void {
  return (event) => {
    if (trace.getActiveSpan() === undefined) return;
    const end = performance.now();
    const text = event.query.sql;
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? "SQL";
    const span = tracer.startSpan(operation, {
      kind: SpanKind.CLIENT,
      startTime: end - event.queryDurationMillis,
      attributes: {
        "guide.layer": "infrastructure",
        [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
        [ATTR_DB_OPERATION_NAME]: operation,
        [ATTR_DB_QUERY_TEXT]: text,
      },
    });
    if (event.level === "error") {
      const error = event.error instanceof Error ? event.error : new Error(String(event.error));
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    }
    span.end(end);
  };
}
