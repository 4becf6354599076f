/**
 * The sandbox, end to end in Chromium through the local runner: the reader's flow (tests pass, an edit makes one
 * fail, the edit survives a reload, Reset restores, the service answers /health/live, Stop makes the next request
 * say so) for the examples in LOCAL_RUNNER_FLOW; one example by keyboard only; axe with the sandbox open; a
 * phone-sized screen; and the failure paths.
 *
 * Every example is covered elsewhere, so the flow here is not repeated for each: the local runner runs every
 * example's tests, an edit and its service in src/sandbox/runtime/__tests__/local-runner.contract.test.ts, and the
 * same page flow runs for every example on the static build (tests/e2e/static/every-example.spec.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../support/runner-link.ts";
import { contentPages, firstPageOfEachExample } from "../../src/sandbox/files/embedded-sandboxes.ts";
import { expectNoAxeViolations } from "../support/axe.ts";
import { openSandbox } from "../support/sandbox-page.ts";

const root = new URL("../../", import.meta.url).pathname;
/** Where pages are scanned for `<Sandbox example="…" />` (a scratch site can point elsewhere). */
const contentDir = process.env["SANDBOX_E2E_CONTENT_DIR"] ?? join(root, "content/docs");
const examplesDir = join(root, "examples");

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function hasTests(dir: string): boolean {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" }).some((path) => path.endsWith(".test.ts"));
  } catch {
    return false;
  }
}

const allExamples = readdirSync(examplesDir).filter((name) => isFile(join(examplesDir, name, "package.json")));
/** Examples that exist as services: a composition root and tests (a folder with only a package.json is not one yet). */
const existingExamples = allExamples.filter(
  (name) => isFile(join(examplesDir, name, "src/main.ts")) && hasTests(join(examplesDir, name, "tests")),
);
const firstPages = firstPageOfEachExample(contentPages(contentDir));
const embeddings = [...firstPages]
  .map(([example, page]) => ({ example, page }))
  .filter(({ example }) => existingExamples.includes(example));
/**
 * The examples whose page flow runs through the local runner: a plain in-memory service, and one whose tests
 * open PGlite files on the real file system (the runner's temp directories and clean-up matter there).
 */
const LOCAL_RUNNER_FLOW: ReadonlySet<string> = new Set(["layered-service", "repository-unit-of-work"]);

const failingTest =
  'import { test as sandboxE2eTest } from "node:test"; sandboxE2eTest("edited in the sandbox to fail", () => { throw new Error("edited to fail"); });';

const statusOf = (sandbox: Locator) => sandbox.locator(".fg-status");
/** The terminal's visible rows, scrolled into view first: xterm.js does not paint while off screen. */
async function terminalOf(sandbox: Locator): Promise<Locator> {
  await sandbox.locator(".fg-terminal").scrollIntoViewIfNeeded();
  return sandbox.locator(".fg-terminal .xterm-rows");
}
const editorOf = (sandbox: Locator) => sandbox.locator(".cm-content");

/** A test file of the example, from the file map the sandbox itself fetches. */
async function aTestFile(page: Page, example: string): Promise<string> {
  const bundle = (await (await page.request.get(`/sandbox/${example}.json`)).json()) as {
    files: Record<string, string>;
  };
  const tests = Object.keys(bundle.files).filter((path) => /^tests\/.+\.test\.ts$/.test(path));
  // A unit test of the domain when there is one: it runs fast and imports nothing heavy.
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

test.describe("embedded examples through the local runner", () => {
  test("every example is embedded on a page", () => {
    expect(
      allExamples.filter((example) => !firstPages.has(example)),
      "examples without a <Sandbox> on any page",
    ).toEqual([]);
    const flowExamples = new Set(embeddings.map(({ example }) => example));
    expect(
      [...LOCAL_RUNNER_FLOW].filter((example) => !flowExamples.has(example)),
      "LOCAL_RUNNER_FLOW names",
    ).toEqual([]);
  });

  for (const { example, page: pagePath } of embeddings.filter(({ example }) => LOCAL_RUNNER_FLOW.has(example))) {
    test(`${example}: tests, a failing edit that survives reload, Reset, start, request, stop`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(pagePath);
      let sandbox = await openSandbox(page, example);

      await sandbox.getByRole("button", { name: "Run tests", exact: true }).click();
      await expect(statusOf(sandbox)).toHaveText(/Tests passed: \d+ passed, 0 failed\./, { timeout: 90_000 });
      await expect(await terminalOf(sandbox)).toContainText("fail 0");

      const testFile = await aTestFile(page, example);
      await sandbox.locator(`[role="treeitem"][data-path="${testFile}"]`).click();
      await expect(sandbox.getByRole("heading", { name: `Editing ${testFile}` })).toBeVisible();
      await editorOf(sandbox).click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.insertText(failingTest);
      await expect(sandbox.locator(`[role="treeitem"][data-path="${testFile}"]`)).toContainText("(modified)");

      await sandbox.getByRole("button", { name: "Run tests", exact: true }).click();
      await expect(statusOf(sandbox)).toHaveText(/Tests failed: 1 failed, \d+ passed\./, { timeout: 90_000 });
      await expect(await terminalOf(sandbox)).toContainText("Error: edited to fail");

      await page.reload();
      sandbox = await openSandbox(page, example);
      const edited = sandbox.locator(`[role="treeitem"][data-path="${testFile}"]`);
      await expect(edited).toContainText("(modified)");
      await edited.click();
      // CodeMirror renders only the lines in view: go to the end, where the edit is.
      await editorOf(sandbox).click();
      await page.keyboard.press("Control+End");
      await expect(editorOf(sandbox)).toContainText("edited in the sandbox to fail");

      await sandbox.getByRole("button", { name: "Reset", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: /^Reset / });
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "Restore originals" }).click();
      await expect(dialog).toBeHidden();
      await expect(edited).not.toContainText("(modified)");
      await editorOf(sandbox).click();
      await page.keyboard.press("Control+End");
      await expect(editorOf(sandbox)).toContainText(/\S/);
      await expect(editorOf(sandbox)).not.toContainText("edited in the sandbox to fail");
      expect(await page.evaluate((key) => localStorage.getItem(key), `field-guide:sandbox:v1:${example}`)).toBeNull();

      await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
      await expect(statusOf(sandbox)).toHaveText(/The service is listening/, { timeout: 60_000 });
      await sendRequest(sandbox, "GET", "/health/live");
      await expect(sandbox.locator(".fg-response__status")).toHaveText(/^200\b/);

      await sandbox.getByRole("button", { name: "Stop", exact: true }).click();
      await expect(statusOf(sandbox)).toHaveText("The service was stopped.");
      await sendRequest(sandbox, "GET", "/health/live");
      await expect(sandbox.locator(".fg-response__message")).toHaveText(/not sent: the service is stopped/);
    });
  }
});

test.describe("one sandbox in depth", () => {
  // The overview's example when it is embedded: the one most readers open first.
  const first = embeddings.find(({ example }) => example === "layered-service") ?? embeddings[0];
  test.skip(!first, "no example is embedded on a page yet (no <Sandbox example=…> in content/docs)");
  const { example, page: pagePath } = first ?? { example: "", page: "/" };

  /** What to Tab to: a button by its text, or the first element with a role. */
  type Target = { readonly button: string } | { readonly role: string };

  /** Presses Tab (or Shift+Tab) until the focused element is `target`; fails after 150 presses. */
  async function tabTo(page: Page, target: Target, direction: "forward" | "backward" = "forward"): Promise<void> {
    for (let presses = 0; presses < 150; presses++) {
      await page.keyboard.press(direction === "forward" ? "Tab" : "Shift+Tab");
      const reached = await page.evaluate((wanted) => {
        const element = document.activeElement;
        if (!element) return false;
        if ("button" in wanted) return element.tagName === "BUTTON" && element.textContent?.trim() === wanted.button;
        return element.getAttribute("role") === wanted.role;
      }, target);
      if (reached) return;
    }
    throw new Error(`${direction === "forward" ? "Tab" : "Shift+Tab"} never reached ${JSON.stringify(target)}`);
  }

  test("nothing of the sandbox loads before Open sandbox; its files and code load on the click", async ({ page }) => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(pagePath, { waitUntil: "networkidle" });
    const sandboxCode = (path: string) => /open-sandbox|codemirror|xterm|\/sandbox\/.+\.json$|__runner/.test(path);
    expect(requested.filter(sandboxCode), "requests before the click").toEqual([]);
    await openSandbox(page, example);
    expect(requested.filter(sandboxCode)).toEqual(
      expect.arrayContaining([`/sandbox/${example}.json`, expect.stringMatching(/open-sandbox/)]),
    );
  });

  test(`${example || "an example"} by keyboard only, with visible focus`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(pagePath);
    await tabTo(page, { button: "Open sandbox" });
    await page.keyboard.press("Enter");
    const sandbox = page.getByRole("region", { name: /^Sandbox:/ }).first();
    await expect(sandbox).toBeFocused();

    await tabTo(page, { button: "Run tests" });
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline, "the focused button shows a focus outline").not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(statusOf(sandbox)).toHaveText(/Tests passed/, { timeout: 90_000 });

    // Into the tree, down to a test file, open it, and type at its end.
    const testFile = await aTestFile(page, example);
    await tabTo(page, { role: "treeitem" });
    for (let steps = 0; steps < 200; steps++) {
      const path = await page.evaluate(() => (document.activeElement as HTMLElement).dataset["path"]);
      if (path === testFile) break;
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    await expect(editorOf(sandbox)).toBeFocused();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(failingTest);
    await page.keyboard.press("Control+s");
    await expect(statusOf(sandbox)).toHaveText("Your edits are saved in this browser.");

    await tabTo(page, { button: "Run tests" }, "backward");
    await page.keyboard.press("Enter");
    await expect(statusOf(sandbox)).toHaveText(/Tests failed: 1 failed/, { timeout: 90_000 });

    await tabTo(page, { button: "Reset" });
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Restore originals" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(sandbox.locator(`[role="treeitem"][data-path="${testFile}"]`)).not.toContainText("(modified)");

    await tabTo(page, { button: "Start service" }, "backward");
    await page.keyboard.press("Enter");
    await expect(statusOf(sandbox)).toHaveText(/The service is listening/, { timeout: 60_000 });
    await tabTo(page, { button: "Send" });
    await page.keyboard.press("Enter");
    await expect(sandbox.locator(".fg-response__status")).toHaveText(/^200\b/);

    await tabTo(page, { button: "Stop" }, "backward");
    await page.keyboard.press("Enter");
    await expect(statusOf(sandbox)).toHaveText("The service was stopped.");
  });

  // Scoped to the card: the rest of the page is the site test's (tests/e2e/site.spec.ts).
  test("no axe violations in the open sandbox: output shown, a response in the panel, both themes, the Reset dialog", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText(/The service is listening/, { timeout: 60_000 });
    await sendRequest(sandbox, "GET", "/health/live");
    await expect(sandbox.locator(".fg-response__status")).toHaveText(/^200\b/);
    await expectNoAxeViolations(page, "[data-sandbox-card]");
    await sandbox.getByRole("button", { name: "Stop", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText("The service was stopped.");

    for (const theme of ["light", "dark"] as const) {
      await page.evaluate((value) => document.documentElement.setAttribute("data-theme", value), theme);
      await expect(sandbox).toHaveAttribute("data-theme", theme);
      await expectNoAxeViolations(page, "[data-sandbox-card]");
    }
    await sandbox.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expectNoAxeViolations(page, "[data-sandbox-card]");
  });

  test("the editor follows the site's light/dark switch", async ({ page }) => {
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    const background = () =>
      sandbox.locator(".cm-editor").evaluate((element) => getComputedStyle(element).backgroundColor);
    await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
    const dark = await background();
    await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
    await expect.poll(background).not.toBe(dark);
  });

  test("on a phone-sized screen the panels stack and nothing overflows", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    const files = await sandbox.locator(".fg-files").boundingBox();
    const editor = await sandbox.locator(".fg-editor-panel").boundingBox();
    const terminal = await sandbox.locator(".fg-terminal-panel").boundingBox();
    const request = await sandbox.locator(".fg-request").boundingBox();
    expect(files && editor && terminal && request).toBeTruthy();
    if (!files || !editor || !terminal || !request) return;
    expect(editor.y, "editor below the file tree").toBeGreaterThanOrEqual(files.y + files.height);
    expect(terminal.y, "terminal below the editor").toBeGreaterThanOrEqual(editor.y + editor.height);
    expect(request.y, "request panel below the terminal").toBeGreaterThanOrEqual(terminal.y + terminal.height);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      // Boxes the reader sees (code inside the editor and terminal scrolls within them, so it does not count).
      widest: Math.max(
        ...[
          ...document.querySelectorAll(".fg-sandbox, .fg-panel, .fg-button, .fg-input, .fg-status, .sandbox-card"),
        ].map((element) => element.getBoundingClientRect().right),
      ),
      viewport: window.innerWidth,
    }));
    expect(overflow.page, "the page scrolls sideways").toBeLessThanOrEqual(0);
    expect(overflow.widest, "a sandbox element sticks out of the screen").toBeLessThanOrEqual(overflow.viewport);
  });

  test("on a desktop screen, Expand gives the sandbox the window, files | editor | output side by side, and Escape brings it back", async ({
    page,
  }) => {
    const viewport = { width: 1440, height: 1000 };
    await page.setViewportSize(viewport);
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    const inlineWidth = (await sandbox.boundingBox())?.width ?? 0;
    // The tree scrolls to the open file, and keeps that scroll through Expand and back.
    const openFile = sandbox.locator('[role="treeitem"][aria-selected="true"]');
    await expect(openFile).toBeInViewport();
    // Typed at the top, where CodeMirror (which renders only the lines in view) shows it in both sizes.
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.insertText("// typed in the page\n");

    await sandbox.getByRole("button", { name: "Expand", exact: true }).click();
    const title = (await sandbox.getAttribute("aria-label"))?.replace(/^Sandbox: /, "") ?? "";
    const dialog = page.getByRole("dialog", { name: title, exact: true });
    await expect(dialog).toBeVisible();
    await expect(sandbox.getByRole("button", { name: "Collapse", exact: true })).toBeFocused();
    await expect(statusOf(sandbox)).toContainText("Press Escape");
    const pageScroll = await page.evaluate(() => window.scrollY);

    const box = async (selector: string) => {
      const found = await sandbox.locator(selector).boundingBox();
      if (!found) throw new Error(`${selector} is not shown in the expanded sandbox`);
      return found;
    };
    const files = await box(".fg-files");
    const editor = await box(".fg-editor-panel");
    const terminal = await box(".fg-terminal-panel");
    const request = await box(".fg-request");
    expect((await sandbox.boundingBox())?.width, "wider than in the page").toBeGreaterThan(inlineWidth + 400);
    expect(files.x + files.width, "files left of the editor").toBeLessThanOrEqual(editor.x);
    expect(editor.x + editor.width, "editor left of the terminal").toBeLessThanOrEqual(terminal.x);
    expect(request.x, "request panel under the terminal").toBeCloseTo(terminal.x, 0);
    expect(request.y).toBeGreaterThanOrEqual(terminal.y + terminal.height);
    for (const [name, panel] of Object.entries({ files, editor, terminal })) {
      expect(panel.y + panel.height, `${name} fits in the window`).toBeLessThanOrEqual(viewport.height);
    }
    expect(request.y, "the request panel starts in the window").toBeLessThan(viewport.height);
    await expect(openFile).toBeInViewport();
    await expectNoAxeViolations(page, "[data-sandbox-card]");

    // Escape in the Reset dialog answers that dialog only; the sandbox stays in the full window.
    await sandbox.getByRole("button", { name: "Reset", exact: true }).click();
    const resetDialog = page.getByRole("dialog", { name: /^Reset / });
    await expect(resetDialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(resetDialog).toBeHidden();
    await expect(sandbox.getByRole("button", { name: "Reset", exact: true })).toBeFocused();
    await expect(dialog).toBeVisible();

    // Typed in the full window, kept in the page; Escape from the editor leaves the full window.
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.insertText("// typed in the full window\n");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(sandbox.getByRole("button", { name: "Expand", exact: true })).toBeFocused();
    expect((await sandbox.boundingBox())?.width).toBeCloseTo(inlineWidth, 0);
    expect(await page.evaluate(() => window.scrollY), "back at the same place in the page").toBe(pageScroll);
    await expect(openFile).toBeInViewport();
    await expect(editorOf(sandbox)).toContainText("// typed in the full window");
    await expect(editorOf(sandbox)).toContainText("// typed in the page");

    // The toggle leaves the full window too, by keyboard.
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(statusOf(sandbox)).toHaveText("The sandbox is back in the page.");
  });

  test("Download gives a zip of the example with the reader's edits", async ({ page }) => {
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    const testFile = await aTestFile(page, example);
    await sandbox.locator(`[role="treeitem"][data-path="${testFile}"]`).click();
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("\n// edited before download\n");
    const downloading = page.waitForEvent("download");
    await sandbox.getByRole("button", { name: "Download", exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${example}.zip`);
    const path = await download.path();
    const entries = unzipSync(new Uint8Array(readFileSync(path)));
    expect(Object.keys(entries)).toContain(`${example}/package.json`);
    const manifest = JSON.parse(strFromU8(entries[`${example}/package.json`] ?? new Uint8Array())) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts["start"]).toBeTruthy();
    expect(strFromU8(entries[`${example}/${testFile}`] ?? new Uint8Array())).toContain("// edited before download");
    expect(Object.keys(entries).some((entry) => entry.includes("node_modules/"))).toBe(false);
  });

  test("Open in StackBlitz posts the files, with edits, to StackBlitz in a new tab", async ({ page, context }) => {
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("\n// edited for StackBlitz\n");
    let posted = "";
    await context.route("https://stackblitz.com/**", async (route) => {
      posted = route.request().postData() ?? "";
      await route.fulfill({ status: 200, contentType: "text/html", body: "<title>StackBlitz</title>" });
    });
    const popup = context.waitForEvent("page");
    await sandbox.getByRole("button", { name: "Open in StackBlitz", exact: true }).click();
    await (await popup).waitForLoadState();
    const fields = new URLSearchParams(posted);
    expect(fields.get("project[template]")).toBe("node");
    expect(fields.get("project[files][package.json]")).toContain('"start"');
    expect([...fields.values()].some((value) => value.includes("// edited for StackBlitz"))).toBe(true);
  });

  test("blocked storage is explained and edits still work in the page", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    await expect(sandbox.locator(".fg-notice")).toContainText("blocks site storage");
    await editorOf(sandbox).click();
    await page.keyboard.insertText("// still editable\n");
    await expect(editorOf(sandbox)).toContainText("// still editable");
  });

  test("without the local runner, the in-browser runtime is picked, and the local runner's absence is explained with the switch back", async ({
    page,
  }) => {
    await page.route("**/__runner/handshake", (route) =>
      route.fulfill({ status: 404, contentType: "text/html", body: "Not found" }),
    );
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    const picker = sandbox.getByRole("combobox", { name: "Runtime" });
    await expect(picker).toHaveValue("browser");
    await expect(picker.locator("option[value=local]")).toHaveText("Local runner (this machine) (unavailable)");
    await expect(picker.locator("option[value=webcontainer]")).toHaveText("Full Node in the browser (StackBlitz)");
    await picker.selectOption("local");
    const problem = sandbox.getByRole("alert");
    await expect(problem).toContainText("Local runner (this machine) cannot run this example");
    await expect(problem).toContainText("npm start");
    await problem.getByRole("button", { name: "Use In-browser runtime (this page)" }).click();
    await expect(picker).toHaveValue("browser");
    await expect(sandbox.locator(".fg-problem")).toBeEmpty();
  });

  test("with no runtime at all, the reasons, Download and the two commands are shown, and edits are kept", async ({
    page,
  }) => {
    await page.route("**/__runner/handshake", (route) =>
      route.fulfill({ status: 404, contentType: "text/html", body: "Not found" }),
    );
    // Offline as far as WebContainer can tell: it would load its runtime from StackBlitz.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "onLine", { get: () => false }));
    // And no Web Workers, which the in-browser runtime needs.
    await page.addInitScript(() => Object.defineProperty(window, "Worker", { value: undefined }));
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    await editorOf(sandbox).click();
    await page.keyboard.insertText("// typed before the failure\n");
    await sandbox.getByRole("button", { name: "Run tests", exact: true }).click();
    const problem = sandbox.getByRole("alert");
    await expect(problem).toContainText("No runtime can run this example in this page");
    await expect(problem).toContainText("npm start");
    await expect(problem.locator("pre")).toHaveText("npm install\nnpm start");
    await sandbox.getByRole("combobox", { name: "Runtime" }).selectOption("webcontainer");
    await expect(problem).toContainText("you appear to be offline");
    await sandbox.getByRole("combobox", { name: "Runtime" }).selectOption("browser");
    await expect(problem).toContainText("lacks Web Workers or WebAssembly");
    await expect(editorOf(sandbox)).toContainText("// typed before the failure");
  });

  test("a syntax error shows the runtime's own output, and a service that never listens is reported", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(pagePath);
    const sandbox = await openSandbox(page, example);
    await sandbox.locator('[role="treeitem"][data-path="src/main.ts"]').click();
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("const broken = ;\n");
    await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText(/exited with code 1 before it listened/, { timeout: 60_000 });
    await expect(await terminalOf(sandbox)).toContainText(/SyntaxError|INVALID_TYPESCRIPT_SYNTAX/);

    // A service that never listens: Stop ends it at once, and left alone it is reported.
    await editorOf(sandbox).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("setInterval(() => {}, 1000);\n");
    await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText("Starting the service…");
    await sandbox.getByRole("button", { name: "Stop", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText("The service was stopped.");
    await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
    await expect(statusOf(sandbox)).toHaveText(/never started listening|has not started listening/, {
      timeout: 90_000,
    });
    // The runtime gives up on it (its listen timeout); else Stop ends it.
    const stop = sandbox.getByRole("button", { name: "Stop", exact: true });
    if (await stop.isEnabled()) await stop.click();
    await expect(sandbox.getByRole("button", { name: "Start service", exact: true })).toBeEnabled({ timeout: 30_000 });
    await sendRequest(sandbox, "GET", "/health/live");
    await expect(sandbox.locator(".fg-response__message")).toHaveText(/not sent/);
  });
});
