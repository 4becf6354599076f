/**
 * Playwright fixtures that give every test's browser the local runner's secret the way a reader
 * gets it: once per worker, a page opens the link `npm start` printed (read from the server's 0600
 * token file, `.field-guide/runner-<port>.json`), the page trades the token for the HttpOnly cookie,
 * and that browser state (cookie included) is what each test's context starts from.
 */
import { test as base, expect, type Browser } from "@playwright/test";
import { readLinkFile } from "../../src/runner/link-file.ts";

const root = new URL("../../", import.meta.url).pathname;

/** The link of the guide Playwright started (or reuses) on `port`, from its token file. */
export async function runnerLinkFor(port: number): Promise<string> {
  const record = await readLinkFile(root, port);
  if (!record) {
    throw new Error(
      `No token file for a running guide on port ${port} in ${root}.field-guide/: the server under test was not started from this folder.`,
    );
  }
  return record.link;
}

/** Opens the link in a fresh context, waits until the page holds the runner's cookie, and returns that state. */
export async function openRunnerLink(browser: Browser, link: string, statePath: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(link);
    await page.waitForURL((url) => !url.searchParams.has("token"));
    // The trade is one request; wait for its cookie rather than for a fixed time.
    const deadline = Date.now() + 15_000;
    while (!(await context.cookies()).some((cookie) => cookie.name.startsWith("field-guide-runner-"))) {
      if (Date.now() > deadline) throw new Error(`Opening ${link} did not give the browser the runner's cookie.`);
      await page.waitForTimeout(50);
    }
    await context.storageState({ path: statePath });
    return statePath;
  } finally {
    await context.close();
  }
}

export const test = base.extend<object, { runnerState: string }>({
  runnerState: [
    async ({ browser }, use, workerInfo) => {
      const port = Number(new URL(workerInfo.project.use.baseURL ?? "http://localhost:4510").port);
      const link = await runnerLinkFor(port);
      await use(
        await openRunnerLink(
          browser,
          link,
          `${workerInfo.project.outputDir}/runner-state-${workerInfo.workerIndex}.json`,
        ),
      );
    },
    { scope: "worker" },
  ],
  storageState: async ({ runnerState }, use) => use(runnerState),
});

export { expect };
