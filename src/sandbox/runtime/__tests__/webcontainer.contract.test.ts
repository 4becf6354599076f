/**
 * The runtime contract through a real WebContainer in Chromium. WebContainer's runtime is served
 * by StackBlitz, so this runs only with E2E_WEBCONTAINER=1 on a machine that can reach it.
 */
import { join } from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, describe, it } from "vitest";
import { chromiumArgs, findChromium } from "../../../site/chromium.ts";
import { readExampleBundle } from "../../files/example-files.ts";
import { listExamples } from "../../../runner/example-catalog.ts";
import { describeRuntimeContract } from "./runtime-contract.ts";
import { startHarnessServer, type HarnessServer } from "./webcontainer-harness/harness-server.ts";
import { remoteWebContainerRuntime } from "./webcontainer-harness/remote-runtime.ts";

const PROJECT_ROOT = new URL("../../../../", import.meta.url).pathname.replace(/\/$/, "");
const EXAMPLES_DIR = join(PROJECT_ROOT, "examples");
const SKIP_REASON = "E2E_WEBCONTAINER is not 1: WebContainer boots only online, from StackBlitz's servers";

if (process.env["E2E_WEBCONTAINER"] !== "1") {
  console.info(`[webcontainer contract] skipped: ${SKIP_REASON}.`);
  describe("Runtime contract: WebContainer", () => {
    it.skip(`skipped: ${SKIP_REASON}`, () => {});
  });
} else {
  const names = (await listExamples(EXAMPLES_DIR)).map((example) => example.name);
  const examples = await Promise.all(
    names.map(async (name) => ({ name, files: (await readExampleBundle(name, EXAMPLES_DIR)).files })),
  );
  let browser: Browser | undefined;
  let harness: HarnessServer | undefined;
  let portIsFree: (port: number) => Promise<boolean> = async () => false;
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  describeRuntimeContract("WebContainer (real, in Chromium)", () => ({
    createRuntime: async () => {
      harness = await startHarnessServer(PROJECT_ROOT);
      browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
      const page = await browser.newPage();
      await page.goto(harness.url);
      const runtime = await remoteWebContainerRuntime(page);
      portIsFree = runtime.portIsFree;
      return runtime;
    },
    examples,
    portIsFree: (port) => portIsFree(port),
  }));
}
