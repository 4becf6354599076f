/**
 * The Content-Security-Policy must not break the site silently: on the home page, a page with
 * diagrams, the decision navigator, search, and a sandbox that runs its tests, starts its service
 * and answers a request, Chromium reports no CSP violation. And no other site can frame the guide.
 */
import type { Page } from "@playwright/test";
import { contentPages, firstPageOfEachExample } from "../../src/sandbox/files/embedded-sandboxes.ts";
import { expect, test } from "../support/runner-link.ts";

const contentDir = new URL("../../content/docs/", import.meta.url).pathname;
const [example, sandboxPage] = [...firstPageOfEachExample(contentPages(contentDir))][0] ?? ["", "/"];

/** Every CSP violation the page (or a worker's console) reports from now on. */
function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect|create)/i.test(message.text()))
      violations.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (/Content Security Policy|unsafe-eval/i.test(error.message)) violations.push(`error: ${error.message}`);
  });
  void page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void }).__reportCspViolation;
      report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return violations;
}

test("every page carries the page policy with its script hashes, and the header policy forbids framing", async ({
  page,
}) => {
  const response = await page.goto("/");
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute("content");
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  expect(meta).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(meta).toContain("worker-src 'self' blob:");
  expect(meta).toContain("connect-src 'self'");
});

test("home, a page with diagrams, search and the navigator: no CSP violation", async ({ page }) => {
  const violations = collectViolations(page);
  await page.goto("/", { waitUntil: "networkidle" });
  await page.goto("/start-here/overview/", { waitUntil: "networkidle" });
  for (const figure of await page.locator("[data-diagram]").all()) {
    await figure.scrollIntoViewIfNeeded();
    await expect(figure).toHaveAttribute("data-diagram-state", "rendered");
  }
  await page.getByRole("button", { name: "Search" }).click();
  // Pagefind: a module script, a worker and WebAssembly.
  await page.getByRole("dialog").getByRole("textbox", { name: "Search" }).fill("composition root");
  await expect(page.getByRole("dialog").locator('a[href*="/foundations/project-structure/"]').first()).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto("/start-here/decision-navigator/", { waitUntil: "networkidle" });
  const navigatorDiagram = page.locator("[data-diagram]").first();
  await navigatorDiagram.scrollIntoViewIfNeeded();
  await expect(navigatorDiagram).toHaveAttribute("data-diagram-state", "rendered");
  expect(violations).toEqual([]);
});

test("an opened sandbox runs its tests, starts its service and answers a request: no CSP violation", async ({
  page,
}) => {
  test.skip(!example, "no example is embedded on a page yet");
  const violations = collectViolations(page);
  await page.goto(sandboxPage);
  const card = page.locator(`[data-sandbox-card][data-example="${example}"]`).first();
  await card.getByRole("button", { name: "Open sandbox" }).click();
  const sandbox = card.getByRole("region", { name: /^Sandbox:/ });
  await sandbox.getByRole("button", { name: "Run tests", exact: true }).click();
  await expect(sandbox.locator(".fg-status")).toContainText("Tests passed", { timeout: 60_000 });
  await sandbox.getByRole("button", { name: "Start service", exact: true }).click();
  await expect(sandbox.locator(".fg-status")).toHaveText(/The service is listening/, { timeout: 60_000 });
  await sandbox.getByRole("textbox", { name: "Path", exact: true }).fill("/health/live");
  await sandbox.getByRole("button", { name: "Send", exact: true }).click();
  await expect(sandbox.locator(".fg-response__status")).toHaveText(/^200\b/);
  await sandbox.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(sandbox.locator(".fg-status")).toHaveText("The service was stopped.");
  expect(violations).toEqual([]);
});

test("another site cannot frame the guide", async ({ page, baseURL }) => {
  await page.route("http://framing.test/", (route) =>
    route.fulfill({ contentType: "text/html", body: `<iframe src="${baseURL}/"></iframe>` }),
  );
  await page.goto("http://framing.test/");
  await page.waitForLoadState("load");
  const framed = page.frames().find((frame) => frame !== page.mainFrame());
  // Chromium replaces a frame refused by frame-ancestors with its error page; the guide's own page never loads.
  await expect.poll(() => framed?.url()).toMatch(/^chrome-error:/);
  await expect(
    page.frameLocator("iframe").getByRole("heading", { name: "Backend Architecture Field Guide" }),
  ).toHaveCount(0);
});
