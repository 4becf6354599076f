/**
 * The trace of one request, drawn: a waterfall of its spans (indented under their parent, each bar placed by its
 * start and length within the trace, coloured and labelled by layer, errors marked with an icon and a word), each
 * span a button that opens its attributes and events; and the same spans as a table. Plain DOM and CSS, no
 * charting library. Loaded with import() only once a trace is shown, so pages that never show one never load it.
 */
import { h, uniqueId } from "./dom.ts";
import type { Trace, TraceAttributes, TraceSpan } from "./trace-lookup.ts";

/** A span placed in the waterfall: its depth under the root and its bar as percentages of the trace. */
export interface WaterfallRow {
  readonly span: TraceSpan;
  readonly depth: number;
  readonly leftPercent: number;
  readonly widthPercent: number;
}

/**
 * The spans in reading order (each parent, then its children by start time, depth first) with their bars. A span
 * whose parent is missing from the trace starts a tree of its own at depth 0, so no span is lost.
 */
export function layOutWaterfall(trace: Trace): WaterfallRow[] {
  const ids = new Set(trace.spans.map((span) => span.spanId));
  const children = new Map<string | null, TraceSpan[]>();
  for (const span of trace.spans) {
    const parent = span.parentSpanId !== null && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(span);
    children.set(parent, siblings);
  }
  const byStart = (a: TraceSpan, b: TraceSpan) => a.startOffsetMs - b.startOffsetMs;
  const end = Math.max(trace.durationMs, ...trace.spans.map((span) => span.startOffsetMs + span.durationMs));
  const total = end > 0 ? end : 1;
  const rows: WaterfallRow[] = [];
  const visited = new Set<string>();
  const visit = (span: TraceSpan, depth: number) => {
    if (visited.has(span.spanId)) return; // a malformed trace with a cycle must not hang the page
    visited.add(span.spanId);
    const left = clamp((Math.max(span.startOffsetMs, 0) / total) * 100);
    const width = Math.min(clamp((Math.max(span.durationMs, 0) / total) * 100), 100 - left);
    rows.push({ span, depth, leftPercent: round(left), widthPercent: round(width) });
    for (const child of [...(children.get(span.spanId) ?? [])].sort(byStart)) visit(child, depth + 1);
  };
  for (const root of [...(children.get(null) ?? [])].sort(byStart)) visit(root, 0);
  return rows;
}

/** Milliseconds as people read them: "0.42 ms", "9.7 ms", "120 ms". */
export function formatMs(milliseconds: number): string {
  const digits = milliseconds >= 100 ? 0 : milliseconds >= 10 ? 1 : 2;
  return `${milliseconds.toFixed(digits)} ms`;
}

/** Renders the trace: summary, waterfall, and the table alternative. */
export function renderTrace(trace: Trace): HTMLElement {
  const id = uniqueId("fg-trace");
  const rows = layOutWaterfall(trace);
  const errors = rows.filter((row) => row.span.status === "error").length;

  const summary = h(
    "p",
    { class: "fg-trace__summary" },
    h("strong", {}, trace.name || "(unnamed trace)"),
    ` · ${formatMs(trace.durationMs)} · ${rows.length} ${rows.length === 1 ? "span" : "spans"}`,
    errors > 0 ? h("span", { class: "fg-trace__error" }, " · ", errorMark(), ` ${errors} with an error`) : undefined,
  );
  const waterfall = h(
    "ol",
    { class: "fg-trace__waterfall", "aria-label": `Spans of ${trace.name}, in call order` },
    ...rows.map((row, index) => renderRow(row, `${id}-span-${index}`)),
  );
  const table = h(
    "details",
    { class: "fg-trace__table" },
    h("summary", {}, "Spans as a table"),
    h(
      "table",
      {},
      h("caption", {}, `Spans of ${trace.name} (trace ${trace.traceId})`),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...["Span", "Layer", "Start", "Duration", "Status"].map((label) => h("th", { scope: "col" }, label)),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map(({ span, depth }) =>
          h(
            "tr",
            {},
            // The depth as text too, so the nesting survives without the indentation.
            h("th", { scope: "row" }, `${"› ".repeat(depth)}${span.name}`),
            h("td", {}, span.layer ?? "none"),
            h("td", {}, formatMs(span.startOffsetMs)),
            h("td", {}, formatMs(span.durationMs)),
            h("td", {}, statusText(span)),
          ),
        ),
      ),
    ),
  );
  const element = h("div", { class: "fg-trace", "data-trace-id": trace.traceId }, summary, waterfall, table);
  return element;
}

function renderRow({ span, depth, leftPercent, widthPercent }: WaterfallRow, detailId: string): HTMLElement {
  const layer = span.layer ?? "none";
  const bar = h("span", { class: `fg-trace__bar fg-trace__bar--${layer}` });
  // Custom properties through the CSSOM, which the site's Content-Security-Policy allows (style attributes it does not).
  bar.style.setProperty("--fg-left", `${leftPercent}%`);
  bar.style.setProperty("--fg-width", `${widthPercent}%`);
  const button = h(
    "button",
    { type: "button", class: "fg-trace__span", "aria-expanded": "false", "aria-controls": detailId },
    h("span", { class: "fg-trace__name" }, span.name),
    h("span", { class: `fg-trace__layer fg-trace__layer--${layer}` }, span.layer ?? "no layer"),
    span.status === "error" ? h("span", { class: "fg-trace__error" }, errorMark(), " error") : undefined,
    h("span", { class: "fg-trace__track", "aria-hidden": "true" }, bar),
    h(
      "span",
      { class: "fg-trace__timing" },
      formatMs(span.durationMs),
      h("span", { class: "fg-visually-hidden" }, `, from ${formatMs(span.startOffsetMs)}`),
    ),
  );
  const detail = h("div", { class: "fg-trace__detail", id: detailId, hidden: true }, ...renderDetail(span));
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    detail.hidden = open;
  });
  const row = h(
    "li",
    { class: `fg-trace__row${span.status === "error" ? " fg-trace__row--error" : ""}`, "data-span-id": span.spanId },
    button,
    detail,
  );
  // The indentation of the span and of its details.
  row.style.setProperty("--fg-depth", String(depth));
  return row;
}

function renderDetail(span: TraceSpan): HTMLElement[] {
  const parts: HTMLElement[] = [
    h(
      "p",
      {},
      `${span.kind} span, started at ${formatMs(span.startOffsetMs)}, took ${formatMs(span.durationMs)}; status `,
      statusText(span),
      ".",
    ),
  ];
  const attributes = Object.entries(span.attributes);
  parts.push(
    attributes.length > 0 ? attributeList(span.attributes) : h("p", { class: "fg-trace__muted" }, "No attributes."),
  );
  if (span.events.length > 0) {
    parts.push(
      h(
        "ul",
        { class: "fg-trace__events", "aria-label": "Events" },
        ...span.events.map((event) =>
          h("li", {}, h("strong", {}, event.name), ` at ${formatMs(event.offsetMs)}`, attributeList(event.attributes)),
        ),
      ),
    );
  }
  return parts;
}

function attributeList(attributes: TraceAttributes): HTMLElement {
  return h(
    "dl",
    { class: "fg-trace__attributes" },
    ...Object.entries(attributes).flatMap(([name, value]) => [
      h("dt", {}, name),
      h("dd", {}, Array.isArray(value) ? value.join(", ") : String(value)),
    ]),
  );
}

function statusText(span: TraceSpan): string {
  if (span.status !== "error") return span.status;
  return span.statusMessage ? `error: ${span.statusMessage}` : "error";
}

/** The error icon; its meaning is always also written next to it. */
function errorMark(): HTMLElement {
  return h("span", { class: "fg-trace__error-icon", "aria-hidden": "true" }, "⚠");
}

function clamp(percent: number): number {
  return Math.min(Math.max(percent, 0), 100);
}

function round(percent: number): number {
  return Math.round(percent * 100) / 100;
}
