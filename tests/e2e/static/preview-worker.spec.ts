/**
 * The preview Service Worker (public/preview-sw.js) in Chromium, on the static build with the
 * static host's isolation headers: nothing registers it before a service starts; registered with
 * its narrow scope, it never controls the guide's pages; an iframe and a new tab load a service's
 * pages through `/preview/<port>/`; and it shows clear pages when nothing listens or the page that
 * ran the service is gone. The page side is played here by a small stand-in that speaks the
 * worker's message protocol for one port, so this runs without any runtime.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./same-origin.ts";

const PORT = 3999;

/** Registers the worker as the sandbox does, and answers for PORT like a page whose service echoes its path. */
async function serveFromThisPage(page: Page): Promise<void> {
  await page.evaluate(async (port) => {
    const container = navigator.serviceWorker;
    container.addEventListener("message", (event: MessageEvent) => {
      const message = event.data as { type?: string; port?: number; path?: string; method?: string };
      const reply = event.ports[0];
      if (message?.type !== "fg-preview-request" || !reply) return;
      if (message.port !== port) {
        reply.postMessage({ type: "fg-preview-not-here" });
        return;
      }
      reply.postMessage({ type: "fg-preview-accepted" });
      const body = new TextEncoder().encode(
        `<!doctype html><html lang="en"><title>Stand-in service</title><h1>${message.method} ${message.path}</h1></html>`,
      ).buffer;
      reply.postMessage(
        {
          type: "fg-preview-response",
          status: 200,
          statusText: "OK",
          headers: [["content-type", "text/html; charset=utf-8"]],
          body,
        },
        [body],
      );
    });
    container.startMessages();
    const registration = await container.register("/preview-sw.js", { scope: "/preview/" });
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    if (worker && worker.state !== "activated") {
      await new Promise<void>((resolve) =>
        worker.addEventListener("statechange", () => worker.state === "activated" && resolve()),
      );
    }
  }, PORT);
}

async function frameText(page: Page, src: string): Promise<string> {
  return page.evaluate(async (url) => {
    const frame = document.createElement("iframe");
    frame.src = url;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
    const text = frame.contentDocument?.body.innerText ?? "(the frame was blocked)";
    frame.remove();
    return text;
  }, src);
}

test("nothing of the runtime loads and no Service Worker registers before a service starts, not even on Open sandbox", async ({
  page,
}) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  const runtimeFiles = (paths: string[]) => paths.filter((path) => /^\/_runtime\/|preview-sw\.js$/.test(path));
  await page.goto("/start-here/overview/", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Open sandbox" }).first().click();
  const sandbox = page.getByRole("region", { name: /^Sandbox:/ }).first();
  await expect(sandbox.getByRole("combobox", { name: "Runtime" })).toHaveValue("browser");
  await page.waitForLoadState("networkidle");
  expect(requested, "the sandbox itself loaded").toContain("/sandbox/layered-service.json");
  expect(runtimeFiles(requested), "the in-browser runtime's files before the first Run").toEqual([]);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});

test("an iframe and a new tab load the service's pages through /preview/<port>/; the guide's pages stay uncontrolled", async ({
  page,
  context,
}) => {
  await page.goto("/");
  expect(await page.evaluate(() => crossOriginIsolated), "the static host isolates the page").toBe(true);
  await serveFromThisPage(page);

  expect(await frameText(page, `/preview/${PORT}/orders/7?x=1`)).toContain("GET /orders/7?x=1");
  expect(await frameText(page, `/preview/${PORT}`), "redirected to the prefix with a slash").toContain("GET /");

  const tab = await context.newPage();
  await tab.goto(`/preview/${PORT}/health/live`);
  await expect(tab.getByRole("heading")).toHaveText("GET /health/live");

  // The guide itself is outside the worker's scope: reloaded, it is not controlled, and its files come from the host.
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  const registrations = await page.evaluate(async () =>
    (await navigator.serviceWorker.getRegistrations()).map((registration) => registration.scope),
  );
  expect(registrations).toEqual([new URL("/preview/", page.url()).href]);
  await tab.close();
});

test("clear pages when nothing listens on the port, and when the page that ran the service is gone", async ({
  page,
  context,
}) => {
  await page.goto("/");
  await serveFromThisPage(page);
  expect(await frameText(page, `/preview/4001/`)).toContain("Nothing is listening on port 4001");

  const tab = await context.newPage();
  await tab.goto(`/preview/${PORT}/`);
  await expect(tab.getByRole("heading")).toHaveText("GET /");
  await page.close();
  const response = await tab.reload();
  expect(response?.status()).toBe(503);
  await expect(tab.getByRole("heading")).toHaveText(/The page that ran this service is gone|No guide page is open/);
});
