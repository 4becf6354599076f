import { SpanKind, SpanStatusCode, type Attributes, type Span, type Tracer } from "@opentelemetry/api";
import { LAYER_ATTRIBUTE, type Layer } from "./recent-traces.ts";

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
  // The layer, for the guide's trace view to colour the span by.
  const attributes = { [LAYER_ATTRIBUTE]: options.layer, ...options.attributes };
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
