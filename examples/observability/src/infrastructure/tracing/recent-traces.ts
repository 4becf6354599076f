import { SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";
import { ExportResultCode, hrTimeToMilliseconds, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

/** One span as the sandbox's trace view reads it (see TRACES.md). */
export type SpanJson = {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: "server" | "client" | "internal" | "producer" | "consumer";
  layer: string | null;
  startOffsetMs: number;
  durationMs: number;
  status: "ok" | "error" | "unset";
  statusMessage: string | null;
  attributes: Attributes;
  events: { name: string; offsetMs: number; attributes: Attributes }[];
};

/** One trace: its root span's name, request id, timing, and every span. */
export type TraceJson = {
  traceId: string;
  name: string;
  requestId: string | null;
  startTime: string;
  durationMs: number;
  status: "ok" | "error";
  spans: SpanJson[];
};

const KINDS: Record<SpanKind, SpanJson["kind"]> = {
  [SpanKind.SERVER]: "server",
  [SpanKind.CLIENT]: "client",
  [SpanKind.INTERNAL]: "internal",
  [SpanKind.PRODUCER]: "producer",
  [SpanKind.CONSUMER]: "consumer",
};
const STATUSES: Record<SpanStatusCode, SpanJson["status"]> = {
  [SpanStatusCode.OK]: "ok",
  [SpanStatusCode.ERROR]: "error",
  [SpanStatusCode.UNSET]: "unset",
};
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * An in-memory span exporter that keeps the spans of the last `limit` traces, for a development-only
 * endpoint to show. Memory stays bounded: the oldest trace is dropped when a new one arrives.
 */
export class RecentTraces implements SpanExporter {
  private readonly traces = new Map<string, ReadableSpan[]>();
  private readonly limit: number;

  constructor(limit = 20) {
    this.limit = limit;
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    for (const span of spans) {
      const traceId = span.spanContext().traceId;
      const kept = this.traces.get(traceId) ?? [];
      this.traces.delete(traceId); // re-inserted last: Map order is recency order
      this.traces.set(traceId, [...kept, span]);
    }
    while (this.traces.size > this.limit) this.traces.delete(this.traces.keys().next().value as string);
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {
    this.traces.clear();
  }

  async forceFlush(): Promise<void> {}

  /** Newest first; only the trace `traceId` when given (none if it is unknown). */
  list(traceId?: string): TraceJson[] {
    const ids = traceId === undefined ? [...this.traces.keys()].reverse() : [traceId];
    return ids.flatMap((id) => {
      const spans = this.traces.get(id);
      return spans ? [traceToJson(id, spans)] : [];
    });
  }
}

/** A trace's spans in start order, timed from the earliest start. */
export function traceToJson(traceId: string, spans: readonly ReadableSpan[]): TraceJson {
  const sorted = [...spans].sort((a, b) => hrTimeToMilliseconds(a.startTime) - hrTimeToMilliseconds(b.startTime));
  const ids = new Set(sorted.map((span) => span.spanContext().spanId));
  const root = sorted.find((span) => !span.parentSpanContext || !ids.has(span.parentSpanContext.spanId)) ?? sorted[0]!;
  const origin = hrTimeToMilliseconds(sorted[0]!.startTime);
  const end = Math.max(...sorted.map((span) => hrTimeToMilliseconds(span.endTime)));
  const requestId = root.attributes["http.request.header.x-request-id"];
  return {
    traceId,
    name: root.name,
    requestId: Array.isArray(requestId) ? String(requestId[0]) : typeof requestId === "string" ? requestId : null,
    startTime: new Date(origin).toISOString(),
    durationMs: round(end - origin),
    status: sorted.some((span) => span.status.code === SpanStatusCode.ERROR) ? "error" : "ok",
    spans: sorted.map((span) => spanToJson(span, origin, ids)),
  };
}

function spanToJson(span: ReadableSpan, origin: number, ids: ReadonlySet<string>): SpanJson {
  const start = hrTimeToMilliseconds(span.startTime);
  const parent = span.parentSpanContext?.spanId;
  const layer = span.attributes["guide.layer"];
  return {
    spanId: span.spanContext().spanId,
    parentSpanId: parent && ids.has(parent) ? parent : null,
    name: span.name,
    kind: KINDS[span.kind],
    layer: typeof layer === "string" ? layer : null,
    startOffsetMs: round(start - origin),
    durationMs: round(hrTimeToMilliseconds(span.duration)),
    status: STATUSES[span.status.code],
    statusMessage: span.status.message ?? null,
    attributes: span.attributes,
    events: span.events.map((event) => ({
      name: event.name,
      offsetMs: round(hrTimeToMilliseconds(event.time) - origin),
      attributes: event.attributes ?? {},
    })),
  };
}
