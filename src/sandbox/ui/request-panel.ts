/**
 * The request panel: Method, Path, Headers and Body fields, a Send button, and the response (status, headers,
 * formatted body). For an example that records traces, a Trace tab beside the response draws the request's trace.
 */
import type { ServiceRequest, ServiceResponse } from "../runtime/port.ts";
import { h, uniqueId } from "./dom.ts";
import { formatBody, parseHeaderLines } from "./response-format.ts";
import type { SendResult } from "./sandbox-session.ts";
import { lookUpTrace } from "./trace-lookup.ts";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export interface RequestPanel {
  readonly element: HTMLElement;
  /** Fills the fields (from a "things to try" step) and sends. */
  sendPrepared(request: ServiceRequest): Promise<void>;
}

/**
 * Builds the panel; `send` does the work, `announce` speaks the outcome through the sandbox's live region.
 * `tracesPath` says where the running example serves its recent traces (its package.json's `guide.traces`),
 * undefined when it records none: then there is no Trace tab.
 */
export function createRequestPanel(
  send: (request: ServiceRequest) => Promise<SendResult>,
  announce: (message: string, tone: "info" | "success" | "error") => void,
  tracesPath: () => string | undefined = () => undefined,
): RequestPanel {
  const id = uniqueId("fg-request");
  const method = h(
    "select",
    { id: `${id}-method`, class: "fg-input" },
    ...METHODS.map((name) => h("option", { value: name }, name)),
  );
  const path = h("input", {
    id: `${id}-path`,
    class: "fg-input fg-input--mono",
    type: "text",
    value: "/health/live",
    spellcheck: "false",
    autocomplete: "off",
    autocapitalize: "off",
  });
  const headers = h("textarea", {
    id: `${id}-headers`,
    class: "fg-input fg-input--mono",
    rows: 2,
    spellcheck: "false",
    placeholder: "Content-Type: application/json",
  });
  const body = h("textarea", { id: `${id}-body`, class: "fg-input fg-input--mono", rows: 4, spellcheck: "false" });
  const sendButton = h("button", { type: "submit", class: "fg-button fg-button--primary" }, "Send");
  const outcome = h("div", { class: "fg-response", hidden: true });

  const form = h(
    "form",
    { class: "fg-request__form", "aria-labelledby": `${id}-heading`, novalidate: true },
    h(
      "div",
      { class: "fg-request__line" },
      h("div", { class: "fg-field fg-field--method" }, h("label", { for: method.id }, "Method"), method),
      h("div", { class: "fg-field fg-field--path" }, h("label", { for: path.id }, "Path"), path),
    ),
    h("div", { class: "fg-field" }, h("label", { for: headers.id }, "Headers"), headers),
    h("div", { class: "fg-field" }, h("label", { for: body.id }, "Body"), body),
    h("div", { class: "fg-request__actions" }, sendButton),
  );
  const element = h(
    "section",
    { class: "fg-panel fg-request", "aria-labelledby": `${id}-heading` },
    h("h4", { class: "fg-panel__title", id: `${id}-heading` }, "Request"),
    form,
    outcome,
  );

  const showMessage = (text: string) => {
    outcome.hidden = false;
    outcome.replaceChildren(h("p", { class: "fg-response__message" }, text));
  };

  async function submit(): Promise<void> {
    const parsedHeaders = parseHeaderLines(headers.value);
    if ("error" in parsedHeaders) {
      showMessage(parsedHeaders.error);
      announce(parsedHeaders.error, "error");
      return;
    }
    const request: ServiceRequest = {
      method: method.value,
      path: path.value.trim(),
      headers: withJsonType(parsedHeaders.headers, body.value),
      ...(body.value.trim() === "" ? {} : { body: body.value }),
    };
    sendButton.disabled = true;
    try {
      const sentAt = Date.now();
      const started = performance.now();
      const result = await send(request);
      const elapsed = Math.round(performance.now() - started);
      if (result.kind !== "response") {
        showMessage(result.message);
        announce(result.message, "error");
        return;
      }
      const { response } = result;
      const contentType = response.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
      outcome.hidden = false;
      const details = [
        h(
          "details",
          { class: "fg-response__headers" },
          h("summary", {}, `Headers (${response.headers.length})`),
          h("dl", {}, ...response.headers.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)])),
        ),
        h(
          "pre",
          { class: "fg-response__body", tabindex: 0, "aria-label": "Response body" },
          formatBody(response.body, contentType) || "(empty body)",
        ),
      ];
      const traces = tracesPath();
      outcome.replaceChildren(
        h(
          "p",
          { class: `fg-response__status fg-response__status--${Math.floor(response.status / 100)}xx` },
          `${response.status} ${response.statusText}`.trim(),
        ),
        h("p", { class: "fg-response__time" }, `answered in ${elapsed} ms`),
        ...(traces === undefined
          ? details
          : [responseAndTraceTabs(details, () => showTrace(traces, response, sentAt))]),
      );
      announce(
        `Response: ${response.status} ${response.statusText}`.trim(),
        response.status < 400 ? "success" : "info",
      );
    } finally {
      sendButton.disabled = false;
    }
  }

  /** The Trace tab's content: the trace of `response`, drawn by a module loaded only now. */
  async function showTrace(path: string, response: ServiceResponse, sentAt: number): Promise<HTMLElement> {
    const [view, lookup] = await Promise.all([
      import("./trace-view.ts"),
      lookUpTrace(send, path, response, sentAt).catch(
        (error: unknown) =>
          ({ kind: "error", message: `The trace could not be read: ${(error as Error).message}` }) as const,
      ),
    ]);
    if (lookup.kind !== "found") {
      announce(lookup.message, lookup.kind === "error" ? "error" : "info");
      return h("p", { class: "fg-response__message" }, lookup.message);
    }
    const { trace } = lookup;
    announce(`Trace of ${trace.name}: ${trace.spans.length} spans in ${view.formatMs(trace.durationMs)}.`, "info");
    return view.renderTrace(trace);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });

  return {
    element,
    async sendPrepared(request) {
      method.value = request.method;
      path.value = request.path;
      headers.value = Object.entries(request.headers ?? {})
        .map(([name, value]) => `${name}: ${value}`)
        .join("\n");
      body.value = request.body ?? "";
      await submit();
    },
  };
}

/** A JSON-looking body without a Content-Type gets `application/json`, as the README examples expect. */
function withJsonType(headers: Record<string, string>, body: string): Record<string, string> {
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
  return !hasType && /^\s*[[{]/.test(body) ? { ...headers, "Content-Type": "application/json" } : headers;
}

/**
 * Two tabs, Response (the headers and body) and Trace; the trace is fetched and drawn the first time its tab opens.
 * The ARIA tabs pattern: arrow keys move between the tabs, the selected one is the only one in the Tab order.
 */
function responseAndTraceTabs(responseParts: HTMLElement[], loadTrace: () => Promise<HTMLElement>): HTMLElement {
  const id = uniqueId("fg-response-tabs");
  const tab = (name: string, selected: boolean) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `${id}-${name}-tab`,
        class: "fg-tabs__tab",
        "aria-selected": String(selected),
        "aria-controls": `${id}-${name}`,
        tabindex: selected ? 0 : -1,
      },
      name === "response" ? "Response" : "Trace",
    );
  const tabs = [tab("response", true), tab("trace", false)] as const;
  const panels = [
    h("div", { role: "tabpanel", id: `${id}-response`, "aria-labelledby": tabs[0].id }, ...responseParts),
    h(
      "div",
      { role: "tabpanel", id: `${id}-trace`, "aria-labelledby": tabs[1].id, class: "fg-tabs__panel", hidden: true },
      h("p", { class: "fg-response__message" }, "Loading the trace…"),
    ),
  ] as const;
  let loading: Promise<void> | undefined;
  const select = (index: 0 | 1, focus: boolean) => {
    tabs.forEach((each, i) => {
      each.setAttribute("aria-selected", String(i === index));
      each.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    if (focus) tabs[index].focus();
    if (index === 1 && loading === undefined) {
      const panel = panels[1];
      panel.setAttribute("aria-busy", "true");
      loading = loadTrace()
        .then((content) => panel.replaceChildren(content))
        .finally(() => panel.removeAttribute("aria-busy"));
    }
  };
  tabs.forEach((each, index) => {
    each.addEventListener("click", () => select(index as 0 | 1, false));
    each.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight" && event.key !== "Home" && event.key !== "End")
        return;
      event.preventDefault();
      const next = event.key === "Home" ? 0 : event.key === "End" ? 1 : index === 0 ? 1 : 0;
      select(next, true);
    });
  });
  return h(
    "div",
    { class: "fg-tabs" },
    h("div", { role: "tablist", class: "fg-tabs__list", "aria-label": "Response and trace" }, ...tabs),
    ...panels,
  );
}
