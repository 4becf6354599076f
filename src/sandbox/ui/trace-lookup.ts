/**
 * Finding the trace of a request the request panel sent: where an example serves its recent traces (its
 * package.json's `guide.traces`), and which of them belongs to the request (the response's `traceparent`, else
 * the newest trace that started after the request was sent). The contract is in examples/README.md, "Traces in
 * the page". Small on purpose: the request panel loads it; the waterfall (trace-view.ts) loads only when shown.
 */
import type { ServiceRequest, ServiceResponse } from "../runtime/port.ts";
import type { SendResult } from "./sandbox-session.ts";

export type TraceLayer = "presentation" | "application" | "domain" | "infrastructure";
export type TraceAttributes = Readonly<Record<string, unknown>>;

export interface TraceSpan {
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: string;
  readonly layer: TraceLayer | null;
  readonly startOffsetMs: number;
  readonly durationMs: number;
  readonly status: "ok" | "error" | "unset";
  readonly statusMessage: string | null;
  readonly attributes: TraceAttributes;
  readonly events: readonly {
    readonly name: string;
    readonly offsetMs: number;
    readonly attributes: TraceAttributes;
  }[];
}

export interface Trace {
  readonly traceId: string;
  readonly name: string;
  readonly requestId: string | null;
  readonly startTime: string;
  readonly durationMs: number;
  readonly status: "ok" | "error";
  readonly spans: readonly TraceSpan[];
}

export type TraceLookup =
  | { readonly kind: "found"; readonly trace: Trace }
  | { readonly kind: "none"; readonly message: string }
  | { readonly kind: "error"; readonly message: string };

/**
 * The trace endpoint a package.json declares (`"guide": { "traces": "/_guide/traces" }`), or undefined when it
 * declares none or the file is not valid JSON (the reader may be editing it).
 */
export function tracesPathOf(packageJson: string | undefined): string | undefined {
  if (packageJson === undefined) return undefined;
  try {
    const path = (JSON.parse(packageJson) as { guide?: { traces?: unknown } } | null)?.guide?.traces;
    return typeof path === "string" && path.startsWith("/") ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The trace id of a W3C `traceparent` response header (`00-<32 hex>-<16 hex>-<2 hex>`), if there is one. */
export function traceIdOf(response: ServiceResponse): string | undefined {
  const value = response.headers.find(([name]) => name.toLowerCase() === "traceparent")?.[1];
  const match = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(value?.trim() ?? "");
  return match?.[1] === "0".repeat(32) ? undefined : match?.[1];
}

/**
 * How far a service's clock may be behind the page's when no traceparent says which trace is the request's:
 * OpenTelemetry's timestamps come from a monotonic clock that drifts a little from the wall clock.
 */
const CLOCK_SLACK_MS = 1_000;

/**
 * Asks the running service, through `send` (the request panel's way to it, in every runtime), for the trace of
 * `response`, the answer to a request sent at `sentAt` (ms since the epoch).
 */
export async function lookUpTrace(
  send: (request: ServiceRequest) => Promise<SendResult>,
  tracesPath: string,
  response: ServiceResponse,
  sentAt: number,
): Promise<TraceLookup> {
  const traceId = traceIdOf(response);
  const path = traceId ? `${tracesPath}?traceId=${traceId}` : tracesPath;
  const result = await send({ method: "GET", path, headers: { Accept: "application/json" } });
  if (result.kind !== "response") return { kind: "error", message: `The trace could not be read: ${result.message}` };
  const { status, body } = result.response;
  if (status !== 200) {
    return {
      kind: "error",
      message:
        `GET ${tracesPath} answered ${status}, not 200 with the recent traces. ` +
        (status === 404 ? "Is NODE_ENV set to production? The trace endpoint is served only in development." : ""),
    };
  }
  const traces = parseTraces(body);
  if (traces === undefined) {
    return { kind: "error", message: `GET ${tracesPath} did not answer with { "traces": [...] } as JSON.` };
  }
  const trace = traceId
    ? traces.find((candidate) => candidate.traceId === traceId)
    : newestStartedAfter(traces, sentAt - CLOCK_SLACK_MS);
  if (trace) return { kind: "found", trace };
  return {
    kind: "none",
    message: traceId
      ? `No trace ${traceId} among the service's recent traces: it keeps the last 20, and does not trace its own endpoint.`
      : "No trace started after this request was sent. The service may not trace this path.",
  };
}

function newestStartedAfter(traces: readonly Trace[], after: number): Trace | undefined {
  return [...traces]
    .filter((trace) => Date.parse(trace.startTime) >= after)
    .sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime))[0];
}

/** The body's traces, when it has the contract's shape (spans checked for what the view draws). */
export function parseTraces(body: string): Trace[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const traces = (parsed as { traces?: unknown } | null)?.traces;
  if (!Array.isArray(traces)) return undefined;
  return traces.every(isTrace) ? traces : undefined;
}

function isTrace(value: unknown): value is Trace {
  const trace = value as Partial<Trace> | null;
  return (
    typeof trace?.traceId === "string" &&
    typeof trace.name === "string" &&
    typeof trace.startTime === "string" &&
    typeof trace.durationMs === "number" &&
    Array.isArray(trace.spans) &&
    trace.spans.every(isSpan)
  );
}

function isSpan(value: unknown): value is TraceSpan {
  const span = value as Partial<TraceSpan> | null;
  return (
    typeof span?.spanId === "string" &&
    (span.parentSpanId === null || typeof span.parentSpanId === "string") &&
    typeof span.name === "string" &&
    typeof span.startOffsetMs === "number" &&
    typeof span.durationMs === "number" &&
    typeof span.attributes === "object" &&
    Array.isArray(span.events)
  );
}
