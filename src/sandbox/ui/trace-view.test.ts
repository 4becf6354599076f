// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import type { ServiceRequest, ServiceResponse } from "../runtime/port.ts";
import { createRequestPanel } from "./request-panel.ts";
import type { SendResult } from "./sandbox-session.ts";
import { lookUpTrace, parseTraces, traceIdOf, tracesPathOf, type Trace, type TraceSpan } from "./trace-lookup.ts";
import { formatMs, layOutWaterfall, renderTrace } from "./trace-view.ts";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

function span(fields: Partial<TraceSpan> & Pick<TraceSpan, "spanId" | "name">): TraceSpan {
  return {
    parentSpanId: null,
    kind: "internal",
    layer: null,
    startOffsetMs: 0,
    durationMs: 0,
    status: "unset",
    statusMessage: null,
    attributes: {},
    events: [],
    ...fields,
  };
}

/** POST /v2/orders → OrderUseCases.place → (ProductRepository.get, OrderRepository.add), the add failing. */
const trace: Trace = {
  traceId: TRACE_ID,
  name: "POST /v2/orders",
  requestId: null,
  startTime: "2026-12-01T23:50:01.000Z",
  durationMs: 20,
  status: "error",
  spans: [
    span({ spanId: "a", name: "POST /v2/orders", kind: "server", layer: "presentation", durationMs: 20 }),
    // Listed out of order on purpose: the layout orders children by start.
    span({
      spanId: "d",
      parentSpanId: "b",
      name: "OrderRepository.add",
      layer: "infrastructure",
      startOffsetMs: 12,
      durationMs: 4,
      status: "error",
      statusMessage: "disk full",
      attributes: { "db.system.name": "postgresql", "db.query.text": "insert into orders values ($1)" },
      events: [{ name: "exception", offsetMs: 15, attributes: { "exception.message": "disk full" } }],
    }),
    span({
      spanId: "b",
      parentSpanId: "a",
      name: "OrderUseCases.place",
      layer: "application",
      startOffsetMs: 2,
      durationMs: 16,
    }),
    span({
      spanId: "c",
      parentSpanId: "b",
      name: "ProductRepository.get",
      layer: "infrastructure",
      startOffsetMs: 3,
      durationMs: 5,
    }),
  ],
};

describe("layOutWaterfall", () => {
  it("orders spans depth first, children by start, with depth and bars as percentages of the trace", () => {
    expect(
      layOutWaterfall(trace).map(({ span: { name }, depth, leftPercent, widthPercent }) => [
        name,
        depth,
        leftPercent,
        widthPercent,
      ]),
    ).toEqual([
      ["POST /v2/orders", 0, 0, 100],
      ["OrderUseCases.place", 1, 10, 80],
      ["ProductRepository.get", 2, 15, 25],
      ["OrderRepository.add", 2, 60, 20],
    ]);
  });

  it("keeps spans whose parent is missing as roots, and keeps bars inside the track", () => {
    const odd: Trace = {
      ...trace,
      durationMs: 0,
      spans: [
        span({ spanId: "x", parentSpanId: "gone", name: "orphan", startOffsetMs: 5, durationMs: 10 }),
        span({ spanId: "y", name: "root", startOffsetMs: 0, durationMs: 10 }),
      ],
    };
    const rows = layOutWaterfall(odd);
    expect(rows.map((row) => [row.span.name, row.depth])).toEqual([
      ["root", 0],
      ["orphan", 0],
    ]);
    expect(rows[1]).toMatchObject({ leftPercent: 33.33, widthPercent: 66.67 });
    for (const row of rows) expect(row.leftPercent + row.widthPercent).toBeLessThanOrEqual(100);
  });

  it("survives a trace with no duration and a parent cycle", () => {
    const rows = layOutWaterfall({
      ...trace,
      durationMs: 0,
      spans: [span({ spanId: "r", name: "r" }), span({ spanId: "s", parentSpanId: "r", name: "s" })],
    });
    expect(rows.map((row) => [row.depth, row.leftPercent, row.widthPercent])).toEqual([
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });
});

describe("formatMs", () => {
  it("shows more digits for shorter times", () => {
    expect([0.4213, 9.74, 12.41, 120.4].map(formatMs)).toEqual(["0.42 ms", "9.74 ms", "12.4 ms", "120 ms"]);
  });
});

describe("renderTrace", () => {
  it("draws one row per span, indented, labelled by layer, with the failed span marked by icon and word", () => {
    const element = renderTrace(trace);
    const rows = [...element.querySelectorAll<HTMLElement>(".fg-trace__row")];
    expect(rows.map((row) => row.querySelector(".fg-trace__name")?.textContent)).toEqual([
      "POST /v2/orders",
      "OrderUseCases.place",
      "ProductRepository.get",
      "OrderRepository.add",
    ]);
    expect(rows.map((row) => row.style.getPropertyValue("--fg-depth"))).toEqual(["0", "1", "2", "2"]);
    expect(rows.map((row) => row.querySelector(".fg-trace__layer")?.textContent)).toEqual([
      "presentation",
      "application",
      "infrastructure",
      "infrastructure",
    ]);
    const bar = rows[1]?.querySelector<HTMLElement>(".fg-trace__bar");
    expect(bar?.classList.contains("fg-trace__bar--application")).toBe(true);
    expect([bar?.style.getPropertyValue("--fg-left"), bar?.style.getPropertyValue("--fg-width")]).toEqual([
      "10%",
      "80%",
    ]);
    const failed = rows[3];
    expect(failed?.classList.contains("fg-trace__row--error")).toBe(true);
    expect(failed?.querySelector(".fg-trace__error")?.textContent).toBe("⚠ error");
    expect(rows[2]?.querySelector(".fg-trace__error")).toBeNull();
    expect(element.querySelector(".fg-trace__summary")?.textContent).toContain("1 with an error");
  });

  it("opens a span's attributes and events on click, and closes them again", () => {
    const element = renderTrace(trace);
    document.body.append(element);
    const button = element.querySelectorAll<HTMLButtonElement>(".fg-trace__span")[3];
    const detail = document.getElementById(button?.getAttribute("aria-controls") ?? "");
    expect(detail?.hidden).toBe(true);
    button?.click();
    expect(button?.getAttribute("aria-expanded")).toBe("true");
    expect(detail?.hidden).toBe(false);
    const terms = [...(detail?.querySelectorAll("dt") ?? [])].map((dt) => dt.textContent);
    expect(terms).toEqual(["db.system.name", "db.query.text", "exception.message"]);
    expect(detail?.textContent).toContain("insert into orders values ($1)");
    expect(detail?.textContent).toContain("exception at 15.0 ms");
    expect(detail?.textContent).toContain("error: disk full");
    button?.click();
    expect(detail?.hidden).toBe(true);
    element.remove();
  });

  it("has a real table with name, layer, start, duration and status for every span", () => {
    const table = renderTrace(trace).querySelector("table");
    expect([...(table?.querySelectorAll("thead th") ?? [])].map((th) => th.textContent)).toEqual([
      "Span",
      "Layer",
      "Start",
      "Duration",
      "Status",
    ]);
    const cells = [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(cells).toEqual([
      ["POST /v2/orders", "presentation", "0.00 ms", "20.0 ms", "unset"],
      ["› OrderUseCases.place", "application", "2.00 ms", "16.0 ms", "unset"],
      ["› › ProductRepository.get", "infrastructure", "3.00 ms", "5.00 ms", "unset"],
      ["› › OrderRepository.add", "infrastructure", "12.0 ms", "4.00 ms", "error: disk full"],
    ]);
  });
});

describe("trace lookup", () => {
  const response = (headers: [string, string][]): ServiceResponse => ({
    status: 201,
    statusText: "Created",
    headers,
    body: "{}",
  });
  const answering =
    (status: number, body: string) =>
    async (request: ServiceRequest): Promise<SendResult> => {
      requests.push(request.path);
      return { kind: "response", response: { status, statusText: "", headers: [], body } };
    };
  let requests: string[] = [];

  it("reads guide.traces from package.json, ignoring invalid JSON and paths not starting with /", () => {
    expect(tracesPathOf(JSON.stringify({ guide: { title: "x", traces: "/_guide/traces" } }))).toBe("/_guide/traces");
    expect(tracesPathOf(JSON.stringify({ guide: { title: "x" } }))).toBeUndefined();
    expect(tracesPathOf(JSON.stringify({ guide: { traces: "_guide/traces" } }))).toBeUndefined();
    expect(tracesPathOf("{ not json")).toBeUndefined();
    expect(tracesPathOf(undefined)).toBeUndefined();
  });

  it("takes the trace id from a W3C traceparent only", () => {
    expect(traceIdOf(response([["Traceparent", `00-${TRACE_ID}-00f067aa0ba902b7-01`]]))).toBe(TRACE_ID);
    expect(traceIdOf(response([["traceparent", "garbage"]]))).toBeUndefined();
    expect(traceIdOf(response([]))).toBeUndefined();
  });

  it("asks for the traceparent's trace by id", async () => {
    requests = [];
    const send = answering(200, JSON.stringify({ traces: [trace] }));
    const found = await lookUpTrace(
      send,
      "/_guide/traces",
      response([["traceparent", `00-${TRACE_ID}-00f067aa0ba902b7-01`]]),
      0,
    );
    expect(requests).toEqual([`/_guide/traces?traceId=${TRACE_ID}`]);
    expect(found).toEqual({ kind: "found", trace });
  });

  it("without a traceparent, takes the newest trace that started after the request was sent", async () => {
    const older = { ...trace, traceId: "1".repeat(32), startTime: "2026-12-01T23:40:00.000Z" };
    const newest = { ...trace, traceId: "2".repeat(32), startTime: "2026-12-01T23:50:02.000Z" };
    const send = answering(200, JSON.stringify({ traces: [older, trace, newest] }));
    const sentAt = Date.parse("2026-12-01T23:50:00.500Z");
    expect(await lookUpTrace(send, "/_guide/traces", response([]), sentAt)).toEqual({ kind: "found", trace: newest });
    const none = await lookUpTrace(send, "/_guide/traces", response([]), Date.parse("2026-12-02T00:00:00Z"));
    expect(none.kind).toBe("none");
  });

  it("says clearly when the endpoint is missing, answers nonsense, or the trace is not kept", async () => {
    const withId = response([["traceparent", `00-${TRACE_ID}-00f067aa0ba902b7-01`]]);
    const missing = await lookUpTrace(answering(404, "{}"), "/_guide/traces", withId, 0);
    expect(missing).toMatchObject({ kind: "error", message: expect.stringContaining("answered 404") });
    const nonsense = await lookUpTrace(answering(200, "<html>"), "/_guide/traces", withId, 0);
    expect(nonsense).toMatchObject({ kind: "error", message: expect.stringContaining('{ "traces": [...] }') });
    const gone = await lookUpTrace(answering(200, '{"traces":[]}'), "/_guide/traces", withId, 0);
    expect(gone).toMatchObject({ kind: "none", message: expect.stringContaining(TRACE_ID) });
    const stopped = await lookUpTrace(
      async () => ({ kind: "not-running", message: "The service is stopped." }),
      "/_guide/traces",
      withId,
      0,
    );
    expect(stopped).toMatchObject({ kind: "error", message: expect.stringContaining("The service is stopped.") });
  });

  it("refuses bodies that do not have the contract's shape", () => {
    expect(parseTraces(JSON.stringify({ traces: [trace] }))).toEqual([trace]);
    expect(parseTraces(JSON.stringify({ traces: [{ traceId: "x" }] }))).toBeUndefined();
    expect(parseTraces(JSON.stringify([]))).toBeUndefined();
  });
});

describe("the request panel's Trace tab", () => {
  const ok: SendResult = {
    kind: "response",
    response: {
      status: 201,
      statusText: "Created",
      headers: [["traceparent", `00-${TRACE_ID}-00f067aa0ba902b7-01`]],
      body: "{}",
    },
  };

  async function sendOnce(tracesPath: string | undefined, traceAnswer: SendResult) {
    const send = vi.fn(async (request: ServiceRequest) => (request.path.startsWith("/_guide") ? traceAnswer : ok));
    const panel = createRequestPanel(
      send,
      () => {},
      () => tracesPath,
    );
    document.body.append(panel.element);
    await panel.sendPrepared({ method: "POST", path: "/v2/orders", headers: {}, body: "{}" });
    return { panel, send };
  }

  it("has no tabs for an example that records no traces", async () => {
    const { panel, send } = await sendOnce(undefined, ok);
    expect(panel.element.querySelector('[role="tab"]')).toBeNull();
    expect(panel.element.querySelector(".fg-response__body")).not.toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    panel.element.remove();
  });

  it("fetches and draws the trace only when the Trace tab opens; arrow keys move between the tabs", async () => {
    const { panel, send } = await sendOnce("/_guide/traces", {
      kind: "response",
      response: { status: 200, statusText: "OK", headers: [], body: JSON.stringify({ traces: [trace] }) },
    });
    const tabs = [...panel.element.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((tab) => [tab.textContent, tab.getAttribute("aria-selected")])).toEqual([
      ["Response", "true"],
      ["Trace", "false"],
    ]);
    expect(send).toHaveBeenCalledTimes(1);
    tabs[0]?.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true }));
    expect(tabs[1]?.getAttribute("aria-selected")).toBe("true");
    const tracePanel = document.getElementById(tabs[1]?.getAttribute("aria-controls") ?? "");
    await vi.waitFor(() => expect(tracePanel?.querySelector(".fg-trace")).not.toBeNull());
    expect(send).toHaveBeenLastCalledWith(expect.objectContaining({ path: `/_guide/traces?traceId=${TRACE_ID}` }));
    expect(tracePanel?.textContent).toContain("OrderUseCases.place");
    panel.element.remove();
  });

  it("shows the endpoint's failure as a message in the Trace tab", async () => {
    const { panel } = await sendOnce("/_guide/traces", {
      kind: "response",
      response: { status: 404, statusText: "Not Found", headers: [], body: "{}" },
    });
    const trace = panel.element.querySelectorAll<HTMLButtonElement>('[role="tab"]')[1];
    trace?.click();
    const tracePanel = document.getElementById(trace?.getAttribute("aria-controls") ?? "");
    await vi.waitFor(() => expect(tracePanel?.textContent).toContain("answered 404"));
    panel.element.remove();
  });
});
