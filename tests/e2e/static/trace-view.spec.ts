/**
 * The sandbox's trace view on the static build, where the examples run in the in-browser runtime: OpenTelemetry
 * runs in the page's process worker, and the Trace tab reaches the service's trace endpoint through the virtual
 * loopback, as the request panel does.
 */
import { join } from "node:path";
import { contentPages, firstPageOfEachExample } from "../../../src/sandbox/files/embedded-sandboxes.ts";
import { expectTraceOfRequest, openSandbox, startService, traceCases } from "../../support/trace-view.ts";
import { test } from "./same-origin.ts";

const firstPages = firstPageOfEachExample(
  contentPages(join(new URL("../../../", import.meta.url).pathname, "content/docs")),
);

for (const traceCase of traceCases) {
  test(`${traceCase.example}: a request's spans in the Trace tab (in-browser runtime)`, async ({ page }) => {
    test.setTimeout(240_000);
    const pagePath = firstPages.get(traceCase.example);
    test.skip(!pagePath, `${traceCase.example} is embedded on no page`);
    await page.goto(pagePath ?? "/");
    const sandbox = await openSandbox(page, traceCase.example);
    await startService(sandbox);
    await expectTraceOfRequest(page, sandbox, traceCase);
  });
}
