import type { Tracer } from "@opentelemetry/api";
import { inSpan } from "./in-span.ts";

/** Anything with one `execute` method: every use case in this service. */
type UseCase<I, O> = { execute(input: I): Promise<O> };

/**
 * Wraps a use case so each call is a span named after it, in the application layer. The use case
 * itself knows nothing of tracing (the application layer imports no packages): the composition root
 * wraps it, the way it wraps everything else that crosses a boundary.
 */
export function tracedUseCase<I, O>(tracer: Tracer, name: string, useCase: UseCase<I, O>): UseCase<I, O> {
  return { execute: (input) => inSpan(tracer, name, { layer: "application" }, () => useCase.execute(input)) };
}
