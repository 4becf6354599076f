/**
 * What a sandbox costs the reader in JavaScript: bytes a page with a sandbox loads before the
 * reader acts, next to a page without one, and the bytes Open sandbox then fetches (editor,
 * terminal, runtime client).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { contentPages } from "../../src/sandbox/files/embedded-sandboxes.ts";
import { openRunnerLink } from "../support/runner-link.ts";
import type { BenchContext, BenchRow } from "./context.ts";
import { formatBytes, javascriptBytesDuring } from "./page-weight.ts";

const contentDir = fileURLToPath(new URL("../../content/docs/", import.meta.url));

/** Rows: first-load JavaScript with and without a sandbox, and what Open sandbox adds. */
export async function benchSandboxJavaScript(context: BenchContext): Promise<BenchRow[]> {
  const pages = contentPages(contentDir);
  const withSandbox = pages.find((page) => page.examples.length > 0);
  // A guide page rather than the splash home or the 404 page, so the two differ mainly by the sandbox.
  const withoutSandbox =
    pages.find((page) => page.examples.length === 0 && page.path !== "/" && page.path !== "/404/") ?? pages[0];
  if (!withSandbox || !withoutSandbox) throw new Error("content/docs has no page with a <Sandbox> to measure");

  const browser = await context.launchBrowser();
  try {
    // The reader opened the printed link once: the sandbox connects to the local runner, as in real use.
    const readerState = await openRunnerLink(
      browser,
      context.runnerLink,
      join(tmpdir(), `bench-runner-state-${process.pid}.json`),
    );
    const measure = async (path: string, afterLoad?: (page: Page) => Promise<void>) => {
      const page = await browser.newPage({ storageState: readerState });
      try {
        const onLoad = await javascriptBytesDuring(page, () => page.goto(new URL(path, context.baseURL).href));
        const onOpen = afterLoad ? await javascriptBytesDuring(page, () => afterLoad(page)) : 0;
        return { onLoad, onOpen };
      } finally {
        await page.close();
      }
    };
    const plain = await measure(withoutSandbox.path);
    const sandboxed = await measure(withSandbox.path, async (page) => {
      await page.getByRole("button", { name: "Open sandbox" }).first().click();
      await page.getByRole("button", { name: "Run tests", exact: true }).first().waitFor();
    });
    return [
      {
        name: "Sandbox: JavaScript before the reader acts, page with a sandbox",
        value: formatBytes(sandboxed.onLoad),
        note: `${withSandbox.path} (compressed bytes over the wire)`,
      },
      {
        name: "Sandbox: JavaScript before the reader acts, page without one",
        value: formatBytes(plain.onLoad),
        note: withoutSandbox.path,
      },
      {
        name: "Sandbox: JavaScript loaded by Open sandbox",
        value: formatBytes(sandboxed.onOpen),
        note: "editor, terminal and runtime client, fetched on the click",
      },
    ];
  } finally {
    await browser.close();
  }
}
