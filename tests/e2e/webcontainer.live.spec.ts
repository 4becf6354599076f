/**
 * A real WebContainer in Chromium: boot, `npm test` for one example, `npm start` and its
 * preview answering. Runs only with E2E_WEBCONTAINER=1 on a machine that can reach StackBlitz,
 * which serves WebContainer's runtime; skipped with that reason everywhere else.
 */
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { readExampleBundle } from "../../src/sandbox/files/example-files.ts";
import { startHarnessServer } from "../../src/sandbox/runtime/__tests__/webcontainer-harness/harness-server.ts";
import { remoteWebContainerRuntime } from "../../src/sandbox/runtime/__tests__/webcontainer-harness/remote-runtime.ts";

const PROJECT_ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
const EXAMPLE = process.env["E2E_WEBCONTAINER_EXAMPLE"] ?? "layered-service";

test.skip(
  process.env["E2E_WEBCONTAINER"] !== "1",
  "E2E_WEBCONTAINER is not 1: WebContainer boots only online, from StackBlitz's servers",
);

test("WebContainer boots, runs an example's tests and serves its preview", async ({ page, context }) => {
  test.setTimeout(240_000);
  const harness = await startHarnessServer(PROJECT_ROOT);
  try {
    await page.goto(harness.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const runtime = await remoteWebContainerRuntime(page);
    const { files } = await readExampleBundle(EXAMPLE, join(PROJECT_ROOT, "examples"));

    await runtime.mount(EXAMPLE, files);
    const mode = await page.evaluate(() => window.fieldGuideHarness.typeScriptMode());
    test.info().annotations.push({ type: "container node", description: JSON.stringify(mode) });

    let testOutput = "";
    const tests = await runtime.spawn(EXAMPLE, { kind: "test" }, { onOutput: ({ text }) => void (testOutput += text) });
    expect(await tests.exit, testOutput).toMatchObject({ code: 0, reason: "exited" });
    expect(testOutput).toMatch(/pass [1-9]/);

    const service = await runtime.spawn(EXAMPLE, { kind: "start" }, { onOutput: () => undefined });
    const server = await service.serverReady;
    const live = await server.request({ method: "GET", path: "/health/live" });
    expect(live.status).toBe(200);

    // The preview URL WebContainer hands out answers in a tab of its own.
    const preview = await context.newPage();
    const answer = await preview.goto(
      new URL("health/live", server.url.endsWith("/") ? server.url : `${server.url}/`).href,
    );
    expect(answer?.status()).toBe(200);

    await service.kill();
    expect((await service.exit).reason).toBe("killed");
    await runtime.teardown();
  } finally {
    await harness.close();
  }
});
