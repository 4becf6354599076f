/**
 * The trace view, end to end, shared by the local-runner and static-host specs: start an example that records
 * traces, send a request from the request panel, open the Trace tab, and find the request's spans in the
 * waterfall (by name and layer), in the table, and in one span's details.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe.ts";
import { openSandbox } from "./sandbox-page.ts";

export { openSandbox };

export type TraceCase = {
  readonly example: string;
  readonly request: { readonly method: string; readonly path: string };
  /** Spans the request's trace must have, each with its layer as the waterfall labels it. */
  readonly spans: readonly { readonly name: string; readonly layer: string }[];
  /** One span whose details (opened with Enter) must show this attribute. */
  readonly attribute: { readonly span: string; readonly name: string; readonly value: string | RegExp };
};

export async function startService(sandbox: Locator): Promise<void> {
  await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
  await expect(sandbox.locator(".fg-status")).toHaveText(/The service is listening/, { timeout: 120_000 });
}

export async function sendRequest(sandbox: Locator, method: string, path: string): Promise<void> {
  await sandbox.getByRole("combobox", { name: "Method", exact: true }).selectOption(method);
  await sandbox.getByRole("textbox", { name: "Path", exact: true }).fill(path);
  await sandbox.getByRole("textbox", { name: "Body", exact: true }).fill("");
  await sandbox.getByRole("button", { name: "Send", exact: true }).click();
  await expect(sandbox.locator(".fg-response__status")).toHaveText(/^\d{3}\b/);
}

/** Sends the case's request and checks its trace in the Trace tab. */
export async function expectTraceOfRequest(page: Page, sandbox: Locator, traceCase: TraceCase): Promise<void> {
  await sendRequest(sandbox, traceCase.request.method, traceCase.request.path);
  await expect(sandbox.locator(".fg-response__status")).toHaveText(/^2\d\d\b/);

  // The waterfall's code loads only once a trace is shown.
  const traceViewCode = (url: string) => /\/trace-view\.[\w-]+\.js$/.test(new URL(url).pathname);
  const loadedCode: string[] = [];
  page.on("request", (request) => {
    if (traceViewCode(request.url())) loadedCode.push(request.url());
  });
  expect(await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name))).not.toEqual(
    expect.arrayContaining([expect.stringMatching(/\/trace-view\.[\w-]+\.js$/)]),
  );
  const traceTab = sandbox.getByRole("tab", { name: "Trace", exact: true });
  await traceTab.click();
  await expect(traceTab).toHaveAttribute("aria-selected", "true");
  const waterfall = sandbox.locator(".fg-trace__waterfall");
  await expect(waterfall).toBeVisible({ timeout: 30_000 });
  expect(loadedCode, "the trace view's module, loaded when the Trace tab opened").toHaveLength(1);

  for (const { name, layer } of traceCase.spans) {
    const row = waterfall.locator(".fg-trace__row").filter({
      has: page.locator(".fg-trace__name", { hasText: new RegExp(`^${escape(name)}$`) }),
    });
    await expect(row.first(), `span ${name} in the waterfall`).toBeVisible();
    await expect(row.first().locator(".fg-trace__layer")).toHaveText(layer);
  }

  const table = sandbox.locator(".fg-trace__table");
  await table.getByText("Spans as a table").click();
  for (const { name, layer } of traceCase.spans) {
    const row = table.getByRole("row").filter({
      has: page.getByRole("rowheader", { name: new RegExp(`^(› )*${escape(name)}$`) }),
    });
    await expect(row.first(), `span ${name} in the table`).toBeVisible();
    await expect(row.first().getByRole("cell").first()).toHaveText(layer);
  }

  // Keyboard: focus the span's row and press Enter to open its attributes.
  const { span, name, value } = traceCase.attribute;
  const button = waterfall.getByRole("button", { name: new RegExp(`^${escape(span)}\\b`) }).first();
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const detail = sandbox.locator(`#${await button.getAttribute("aria-controls")}`);
  await expect(detail.locator("dt", { hasText: new RegExp(`^${escape(name)}$`) })).toBeVisible();
  await expect(detail).toContainText(value);
  await expectNoAxeViolations(page, ".fg-response");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The examples the trace view is tested with, and what their traces must hold. */
export const traceCases: readonly TraceCase[] = [
  {
    example: "api-design",
    request: { method: "GET", path: "/v2/products/p-1" },
    spans: [
      { name: "GET /v2/products/:id", layer: "presentation" },
      { name: "ProductUseCases.get", layer: "application" },
      { name: "InMemoryProductRepository.get", layer: "infrastructure" },
    ],
    attribute: { span: "GET /v2/products/:id", name: "http.route", value: "/v2/products/:id" },
  },
  {
    example: "database-patterns",
    request: { method: "GET", path: "/orders?limit=3" },
    spans: [
      { name: "GET /orders", layer: "presentation" },
      { name: "ListOrdersUseCase.execute", layer: "application" },
      { name: "KyselyOrderQueries.listPage", layer: "infrastructure" },
      { name: "SELECT orders", layer: "infrastructure" },
    ],
    attribute: { span: "SELECT orders", name: "db.query.text", value: /select .* from "orders"/i },
  },
  {
    example: "observability",
    // The first read of a product misses the cache, so the trace reaches the repository.
    request: { method: "GET", path: "/products/p-1" },
    spans: [
      { name: "GET /products/:id", layer: "presentation" },
      { name: "GetProduct", layer: "application" },
      { name: "ProductCache.get", layer: "infrastructure" },
      { name: "ProductRepository.findByIds", layer: "infrastructure" },
    ],
    attribute: { span: "GET /products/:id", name: "http.route", value: "/products/:id" },
  },
];
