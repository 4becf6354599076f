/**
 * A span around every method call of an object, for the composition root to wrap use cases and adapters in:
 * the application layer then records its spans without importing OpenTelemetry (the dependency rule keeps
 * packages out of it), and the spans still say which layer they belong to.
 */
import { SpanStatusCode, type Span, type Tracer } from "@opentelemetry/api";
import { LAYER_ATTRIBUTE, type Layer } from "./recent-traces.ts";

/** `target` with each method call in a span named `<name>.<method>` (name defaults to the class name). */
export function traced<T extends object>(tracer: Tracer, layer: Layer, target: T, name = target.constructor.name): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function" || typeof property === "symbol" || property === "constructor") return value;
      const method = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) =>
        tracer.startActiveSpan(`${name}.${property}`, { attributes: { [LAYER_ATTRIBUTE]: layer } }, (span) => {
          let result: unknown;
          try {
            // The real object as `this`, so its private fields work.
            result = method.apply(object, args);
          } catch (error) {
            fail(span, error);
            span.end();
            throw error;
          }
          if (!isPromise(result)) {
            span.end();
            return result;
          }
          // Awaited (not .then()) so that code inside the method keeps finding this span after its own awaits.
          return (async () => {
            try {
              return await result;
            } catch (error) {
              fail(span, error);
              throw error;
            } finally {
              span.end();
            }
          })();
        });
    },
  });
}

/** Records the error on the span and marks it failed: the trace view shows where an error started. */
export function fail(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

function isPromise(value: unknown): value is Promise<unknown> {
  return value instanceof Promise;
}
