import { SpanKind, SpanStatusCode, type Attributes, type Span, type Tracer } from "@opentelemetry/api";

/** The layer a span belongs to, as the guide's trace view colours it (attribute `guide.layer`). */
export type Layer = "presentation" | "application" | "domain" | "infrastructure";

/**
 * Runs `work` inside a new active span, so spans started inside it become its children. A thrown
 * error is recorded on the span (an `exception` event) and sets its status to ERROR, then goes on up
 * unchanged: tracing observes errors, it never handles them.
 */
export function inSpan<T>(
  tracer: Tracer,
  name: string,
  options: { layer: Layer; kind?: SpanKind; attributes?: Attributes },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const attributes = { "guide.layer": options.layer, ...options.attributes };
  return tracer.startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks a span failed: the exception as an event (type, message, stack), status ERROR with the message. */
export function recordFailure(span: Span, error: unknown): void {
  const exception = error instanceof Error ? error : new Error(String(error));
  span.recordException(exception);
  span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
}
