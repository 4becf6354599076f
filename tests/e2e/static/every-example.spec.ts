/**
 * Every embedded example on the static build, in the in-browser runtime, the way a reader of the
 * published site uses it: open, run the tests (the counts real Node gives in the example's folder),
 * break a test and see it fail, reload keeps the edit, Reset, start the service, a request from
 * the request panel, its preview in a new tab through /preview/<port>/, stop. One page per example,
 * the opened sandbox reused for every step; no request may leave the site's origin (same-origin.ts).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Locator, Page } from "@playwright/test";
import { contentPages, firstPageOfEachExample } from "../../../src/sandbox/files/embedded-sandboxes.ts";
import { readTestSummary, type TestSummary } from "../../../src/sandbox/ui/test-summary.ts";
import { expect, test } from "./same-origin.ts";
import { openSandbox } from "../../support/sandbox-page.ts";

const root = new URL("../../../", import.meta.url).pathname;
const examplesDir = join(root, "examples");
const firstPages = firstPageOfEachExample(contentPages(join(root, "content/docs")));
const examples = readdirSync(examplesDir)
  .filter((name) => existsSync(join(examplesDir, name, "src/main.ts")) && existsSync(join(examplesDir, name, "tests")))
  .filter((name) => firstPages.has(name))
  .sort();

/**
 * The environment a reader's page has: no real servers (CI's DATABASE_URL, REDIS_URL and AMQP_URL would add suites
 * the page skips) and not CI (which turns a missing server URL into a failure).
 */
function pageLikeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  for (const name of ["DATABASE_URL", "REDIS_URL", "AMQP_URL", "CI"]) delete env[name];
  return env;
}

/**
 * The example's own test script (package.json `scripts.test`) with real Node in its folder: the
 * counts the page must reproduce. Its per-test timeout is raised for this reference run only: it
 * guards against hangs and changes no count, and on a loaded machine PGlite's start alone can take
 * longer than the example's 10 s.
 */
async function realNodeCounts(example: string): Promise<TestSummary & { readonly skipped: number }> {
  const dir = join(examplesDir, example);
  const script = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts: { test: string } }).scripts
    .test;
  const command = script.replace(/--test-timeout=\d+/, "--test-timeout=120000");
  const output = await promisify(execFile)("sh", ["-c", command], {
    cwd: dir,
    env: pageLikeEnv(),
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string; message: string }) => {
      const failures = (error.stdout ?? "")
        .split("\n")
        .filter((line) => /^✖|timed out|^ℹ (tests|pass|fail) /.test(line));
      throw new Error(
        `${command} in examples/${example} failed with real Node, so there are no counts to compare:\n${failures.join("\n")}`,
      );
    },
  );
  const summary = readTestSummary(output);
  if (!summary) throw new Error(`${command} in examples/${example} printed no node:test summary`);
  return { ...summary, skipped: lastCount(output, "skipped") };
}

/** The last `skipped N` in a node:test summary (the page's terminal text runs its rows together). */
function lastCount(text: string, label: string): number {
  return Number([...text.matchAll(new RegExp(`${label} (\\d+)`, "g"))].at(-1)?.[1] ?? 0);
}

const failingTest =
  'import { test as staticE2eTest } from "node:test"; staticE2eTest("edited in the page to fail", () => { throw new Error("edited to fail"); });';

const statusOf = (sandbox: Locator) => sandbox.locator(".fg-status");
const editorOf = (sandbox: Locator) => sandbox.locator(".cm-content");
async function terminalOf(sandbox: Locator): Promise<Locator> {
  await sandbox.locator(".fg-terminal").scrollIntoViewIfNeeded();
  return sandbox.locator(".fg-terminal .xterm-rows");
}

/** A unit test file of the example when there is one (fast, imports nothing heavy), from the sandbox's own file map. */
async function aTestFile(page: Page, example: string): Promise<string> {
  const bundle = (await (await page.request.get(`/sandbox/${example}.json`)).json()) as {
    files: Record<string, string>;
  };
  const tests = Object.keys(bundle.files).filter((path) => /^tests\/.+\.test\.ts$/.test(path));
  const file = tests.find((path) => path.includes("unit")) ?? tests[0];
  if (!file) throw new Error(`examples/${example} has no tests/**/*.test.ts file`);
  return file;
}

async function sendRequest(sandbox: Locator, method: string, path: string): Promise<void> {
  await sandbox.getByRole("combobox", { name: "Method", exact: true }).selectOption(method);
  await sandbox.getByRole("textbox", { name: "Path", exact: true }).fill(path);
  await sandbox.getByRole("textbox", { name: "Body", exact: true }).fill("");
  await sandbox.getByRole("button", { name: "Send", exact: true }).click();
}

/**
 * The text of a preview page opened as the reader opens the sandbox's preview link: in a new tab. (Not an iframe:
 * a service may forbid framing, as secure-api does with X-Frame-Options: DENY and frame-ancestors 'none'.)
 */
async function previewText(page: Page, path: string): Promise<string> {
  const tab = await page.context().newPage();
  try {
    await tab.goto(path);
    return await tab.locator("body").innerText();
  } finally {
    await tab.close();
  }
}

test("every example with a service and tests is covered here", () => {
  expect(examples.length).toBeGreaterThan(0);
});

for (const example of examples) {
  test(`${example}: in-browser runtime on the static build: tests with Node's counts, a failing edit kept over reload, Reset, start, request, preview, stop`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const expected = await realNodeCounts(example);
    expect(expected.failed, `examples/${example} passes with real Node`).toBe(0);

    await page.goto(firstPages.get(example) ?? "/");
    let sandbox = await openSandbox(page, example);
    await expect(sandbox.getByRole("combobox", { name: "Runtime" })).toHaveValue("browser");

    await sandbox.getByRole("button", { name: "Run tests", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText(/^Tests passed: \d+ passed, 0 failed\.$/, { timeout: 120_000 });
    const terminal = await terminalOf(sandbox);
    await expect(terminal).toContainText(`tests ${expected.tests}`);
    // Tests that need what a page cannot do (child processes, raw TCP) skip themselves there with the runtime's
    // message; the in-browser contract suite checks them by name and reason. Everything else passes as in Node.
    const skippedByRuntime = lastCount((await terminal.textContent()) ?? "", "skipped") - expected.skipped;
    expect(skippedByRuntime).toBeGreaterThanOrEqual(0);
    const passedInPage = expected.passed - skippedByRuntime;
    await expect(statusOf(sandbox)).toHaveText(`Tests passed: ${passedInPage} passed, 0 failed.`);

    const testFile = await aTestFile(page, example);
    await sandbox.locator(`[role="treeitem"][data-path="${testFile}"]`).click();
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(failingTest);
    await sandbox.getByRole("button", { name: "Run tests", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText(
      `Tests failed: 1 failed, ${passedInPage} passed. The failures are in the terminal.`,
      { timeout: 120_000 },
    );
    await expect(await terminalOf(sandbox)).toContainText("Error: edited to fail");

    await page.reload();
    sandbox = await openSandbox(page, example);
    const edited = sandbox.locator(`[role="treeitem"][data-path="${testFile}"]`);
    await expect(edited).toContainText("(modified)");
    await edited.click();
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+End");
    await expect(editorOf(sandbox)).toContainText("edited in the page to fail");

    await sandbox.getByRole("button", { name: "Reset", exact: true }).click();
    await page
      .getByRole("dialog", { name: /^Reset / })
      .getByRole("button", { name: "Restore originals" })
      .click();
    await expect(edited).not.toContainText("(modified)");

    await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText(/The service is listening \(port \d+\)/, { timeout: 120_000 });
    const port = Number(/port (\d+)/.exec((await statusOf(sandbox).textContent()) ?? "")?.[1]);
    await sendRequest(sandbox, "GET", "/health/live");
    await expect(sandbox.locator(".fg-response__status")).toHaveText(/^200\b/);
    const panelBody = (await sandbox.locator(".fg-response__body").textContent()) ?? "";

    const previewLink = sandbox.getByRole("link", { name: `/preview/${port}/` });
    await expect(previewLink).toHaveAttribute("href", `/preview/${port}/`);
    const previewed = await previewText(page, `/preview/${port}/health/live`);
    expect(previewed.replace(/\s+/g, "")).toBe(panelBody.replace(/\s+/g, ""));

    await sandbox.getByRole("button", { name: "Stop", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText("The service was stopped.");
    await sendRequest(sandbox, "GET", "/health/live");
    await expect(sandbox.locator(".fg-response__message")).toHaveText(/not sent: the service is stopped/);
    expect(await previewText(page, `/preview/${port}/health/live`)).toContain(`Nothing is listening on port ${port}`);
  });
}
