/**
 * The last few traces of this process, kept in memory for the guide's sandbox to draw: an OpenTelemetry
 * SpanExporter that groups finished spans by trace and serialises them to the shape the sandbox reads
 * (`GET /_guide/traces`, see the examples' README, "Traces in the page"). A development aid, not a tracing
 * backend: in production the spans go to an OTLP collector instead, and this endpoint is not mounted.
 *
 * This file is the same in every example that records traces (a test keeps the copies identical).
 */
import { SpanKind, SpanStatusCode, type Attributes, type HrTime } from "@opentelemetry/api";
import { ExportResultCode, hrTimeToMilliseconds, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

/** Where the running service serves its recent traces, unless NODE_ENV=production. */
export const RECENT_TRACES_PATH = "/_guide/traces";

/** The span attribute that names the architectural layer a span belongs to. */
export const LAYER_ATTRIBUTE = "guide.layer";

export type Layer = "presentation" | "application" | "domain" | "infrastructure";
const LAYERS: readonly string[] = ["presentation", "application", "domain", "infrastructure"];

export type SpanStatus = "ok" | "error" | "unset";

export type TraceSpanEvent = {
  readonly name: string;
  /** Milliseconds from the trace's start. */
  readonly offsetMs: number;
  readonly attributes: Attributes;
};

export type TraceSpan = {
  readonly spanId: string;
  /** null for the trace's root here (its parent, if any, is in the caller's process). */
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: "server" | "client" | "internal" | "producer" | "consumer";
  readonly layer: Layer | null;
  /** Milliseconds from the trace's start. */
  readonly startOffsetMs: number;
  readonly durationMs: number;
  readonly status: SpanStatus;
  readonly statusMessage: string | null;
  readonly attributes: Attributes;
  readonly events: readonly TraceSpanEvent[];
};

export type Trace = {
  readonly traceId: string;
  /** The root span's name, e.g. "POST /v2/orders". */
  readonly name: string;
  /** The request's X-Request-ID (attribute `http.request.header.x-request-id`), else null. */
  readonly requestId: string | null;
  /** ISO 8601. */
  readonly startTime: string;
  readonly durationMs: number;
  /** "error" when any span ended with status ERROR. */
  readonly status: "ok" | "error";
  /** Ordered by start time, the root first. */
  readonly spans: readonly TraceSpan[];
};

/** The body of `GET /_guide/traces`: newest first. */
export type RecentTraces = { readonly traces: readonly Trace[] };

const KINDS: Record<SpanKind, TraceSpan["kind"]> = {
  [SpanKind.INTERNAL]: "internal",
  [SpanKind.SERVER]: "server",
  [SpanKind.CLIENT]: "client",
  [SpanKind.PRODUCER]: "producer",
  [SpanKind.CONSUMER]: "consumer",
};

const STATUSES: Record<SpanStatusCode, SpanStatus> = {
  [SpanStatusCode.UNSET]: "unset",
  [SpanStatusCode.OK]: "ok",
  [SpanStatusCode.ERROR]: "error",
};

/** Keeps the spans of the last `capacity` traces (default 20); older traces are dropped whole. */
export class RecentTracesExporter implements SpanExporter {
  readonly #capacity: number;
  /** traceId → its finished spans; Map order is arrival order, so the first key is the oldest trace. */
  readonly #spans = new Map<string, ReadableSpan[]>();
  #stopped = false;

  constructor(options: { capacity?: number } = {}) {
    this.#capacity = options.capacity ?? 20;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.#stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error("the exporter is shut down") });
      return;
    }
    for (const span of spans) {
      const { traceId } = span.spanContext();
      const trace = this.#spans.get(traceId);
      if (trace) trace.push(span);
      else this.#spans.set(traceId, [span]);
    }
    for (const oldest of this.#spans.keys()) {
      if (this.#spans.size <= this.#capacity) break;
      this.#spans.delete(oldest);
    }
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  /** Every kept trace, newest first; or only the one with `traceId` (an empty list when it is not kept). */
  recent(traceId?: string | null): RecentTraces {
    if (traceId) {
      const spans = this.#spans.get(traceId);
      return { traces: spans ? [toTrace(traceId, spans)] : [] };
    }
    // Newest kept first, so that traces starting in the same clock tick (coarse browser clocks) stay newest first.
    const traces = [...this.#spans].reverse().map(([id, spans]) => toTrace(id, spans));
    return { traces: traces.sort((a, b) => b.startTime.localeCompare(a.startTime)) };
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.#stopped = true;
    this.#spans.clear();
    return Promise.resolve();
  }
}

/** One trace in the sandbox's shape; times become milliseconds from the earliest span's start. */
export function toTrace(traceId: string, spans: readonly ReadableSpan[]): Trace {
  const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
  const parentOf = (span: ReadableSpan): string | null => {
    const parent = span.parentSpanContext?.spanId;
    return parent !== undefined && byId.has(parent) ? parent : null;
  };
  const depthOf = (span: ReadableSpan): number => {
    let depth = 0;
    for (let parent = parentOf(span); parent !== null && depth < spans.length; depth++) {
      parent = parentOf(byId.get(parent)!);
    }
    return depth;
  };
  // By start time; a child that starts in the same clock tick as its parent (coarse browser clocks) comes after it.
  const ordered = [...spans].sort((a, b) => ms(a.startTime) - ms(b.startTime) || depthOf(a) - depthOf(b));
  const start = Math.min(...ordered.map((span) => ms(span.startTime)));
  const end = Math.max(...ordered.map((span) => ms(span.endTime)));
  // The root comes first: the span whose parent is not here (a later-starting root would be odd, but stay first).
  const root = ordered.find((span) => parentOf(span) === null) ?? ordered[0];
  const rest = ordered.filter((span) => span !== root);
  const view = (root ? [root, ...rest] : rest).map((span) => toSpan(span, start, parentOf(span)));
  const requestId = root?.attributes["http.request.header.x-request-id"];
  return {
    traceId,
    name: root?.name ?? "",
    requestId: firstString(requestId),
    startTime: new Date(start).toISOString(),
    durationMs: round(end - start),
    status: view.some((span) => span.status === "error") ? "error" : "ok",
    spans: view,
  };
}

function toSpan(span: ReadableSpan, traceStart: number, parentSpanId: string | null): TraceSpan {
  const layer = span.attributes[LAYER_ATTRIBUTE];
  return {
    spanId: span.spanContext().spanId,
    parentSpanId,
    name: span.name,
    kind: KINDS[span.kind] ?? "internal",
    layer: typeof layer === "string" && LAYERS.includes(layer) ? (layer as Layer) : null,
    startOffsetMs: round(ms(span.startTime) - traceStart),
    durationMs: round(hrTimeToMilliseconds(span.duration)),
    status: STATUSES[span.status.code] ?? "unset",
    statusMessage: span.status.message || null,
    attributes: { ...span.attributes },
    events: span.events.map((event) => ({
      name: event.name,
      offsetMs: round(ms(event.time) - traceStart),
      attributes: { ...event.attributes },
    })),
  };
}

function ms(time: HrTime): number {
  return hrTimeToMilliseconds(time);
}

/** Microsecond precision is plenty for a waterfall, and keeps the JSON readable. */
function round(milliseconds: number): number {
  return Math.round(milliseconds * 1000) / 1000;
}

function firstString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return null;
}
