/**
 * The sandbox's trace view through the local runner: for each example that records traces, a request sent from
 * the request panel shows its spans in the Trace tab's waterfall and table. An example that records none shows
 * no Trace tab.
 */
import { join } from "node:path";
import { expect, test } from "../support/runner-link.ts";
import { contentPages, firstPageOfEachExample } from "../../src/sandbox/files/embedded-sandboxes.ts";
import { expectTraceOfRequest, openSandbox, sendRequest, startService, traceCases } from "../support/trace-view.ts";

const firstPages = firstPageOfEachExample(
  contentPages(join(new URL("../../", import.meta.url).pathname, "content/docs")),
);

for (const traceCase of traceCases) {
  test(`${traceCase.example}: a request's spans in the Trace tab (local runner)`, async ({ page }) => {
    test.setTimeout(180_000);
    const pagePath = firstPages.get(traceCase.example);
    test.skip(!pagePath, `${traceCase.example} is embedded on no page`);
    await page.goto(pagePath ?? "/");
    const sandbox = await openSandbox(page, traceCase.example);
    await startService(sandbox);
    await expectTraceOfRequest(page, sandbox, traceCase);
  });
}

test("an example that records no traces has no Trace tab", async ({ page }) => {
  test.setTimeout(180_000);
  const pagePath = firstPages.get("layered-service");
  test.skip(!pagePath, "layered-service is embedded on no page");
  await page.goto(pagePath ?? "/");
  const sandbox = await openSandbox(page, "layered-service");
  await startService(sandbox);
  await sendRequest(sandbox, "GET", "/health/live");
  await expect(sandbox.locator(".fg-response__status")).toHaveText(/^200\b/);
  await expect(sandbox.locator(".fg-response__body")).toBeVisible();
  await expect(sandbox.getByRole("tab", { name: "Trace" })).toHaveCount(0);
});
