/**
 * What the in-browser runtime costs the reader, on the static build served as a static host
 * serves it: bytes the first Run tests downloads (an example without PGlite and one with it), and
 * the time from Run tests to the summary, cold (fresh browser profile, first Run) and warm (the
 * next Run in the same page), each next to the local runner's time for the same example, measured
 * in the same run.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { Browser, Page, Response } from "@playwright/test";
import { benchLocalRunnerTestRun } from "../../src/runner/bench.ts";
import { contentPages, firstPageOfEachExample } from "../../src/sandbox/files/embedded-sandboxes.ts";
import type { BenchContext, BenchRow } from "./context.ts";
import { formatBytes } from "./page-weight.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const contentDir = fileURLToPath(new URL("../../content/docs/", import.meta.url));
/** One example without PGlite and the one that uses it. */
const measured = [
  { example: "layered-service", pglite: false },
  { example: "repository-unit-of-work", pglite: true },
];

/** Runs `body` with the static host serving `dist/` (no local runner) on `port`. */
async function withStaticHost<T>(port: number, body: (baseURL: string) => Promise<T>): Promise<T> {
  const server = spawn(process.execPath, ["tests/support/serve-static.ts", "--port", String(port)], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseURL = `http://localhost:${port}`;
  try {
    const deadline = Date.now() + 300_000;
    while (
      !(await fetch(baseURL).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (server.exitCode !== null) throw new Error(`the static host exited with code ${server.exitCode}`);
      if (Date.now() > deadline) throw new Error(`the static host did not answer at ${baseURL}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return await body(baseURL);
  } finally {
    server.kill("SIGTERM");
    if (server.exitCode === null) await once(server, "exit");
  }
}

/** Clicks Run tests in the page's first sandbox and resolves with the milliseconds until the summary shows. */
function timeRunTests(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const sandbox = document.querySelector(".fg-sandbox");
        const status = sandbox?.querySelector(".fg-status");
        const run = [...(sandbox?.querySelectorAll("button") ?? [])].find((b) => b.textContent === "Run tests");
        if (!status || !run) return reject(new Error("no open sandbox with a Run tests button"));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          const text = status.textContent ?? "";
          if (/^Tests passed/.test(text)) {
            observer.disconnect();
            resolve(performance.now() - started);
          } else if (/^Tests failed|could not|cannot|No runtime/.test(text)) {
            observer.disconnect();
            reject(new Error(`the run did not pass: ${text}`));
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        run.click();
      }),
  );
}

interface InBrowserFigures {
  readonly firstRunBytes: number;
  readonly coldMs: number;
  readonly warmMs: number;
}

async function measureInBrowser(browser: Browser, baseURL: string, example: string): Promise<InBrowserFigures> {
  const pagePath = firstPageOfEachExample(contentPages(contentDir)).get(example);
  if (!pagePath) throw new Error(`no page embeds examples/${example}`);
  // A fresh context is a fresh profile: empty HTTP cache, so the first Run is cold.
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await page.goto(pagePath);
    const card = page.locator(`[data-sandbox-card][data-example="${example}"]`).first();
    await card.getByRole("button", { name: "Open sandbox" }).click();
    const picker = card.getByRole("combobox", { name: "Runtime" });
    await picker.waitFor();
    const runtime = await picker.inputValue();
    if (runtime !== "browser") throw new Error(`the static build picked "${runtime}", not the in-browser runtime`);
    await page.waitForLoadState("networkidle");

    const sizes: Array<Promise<number>> = [];
    const onResponse = (response: Response) => {
      sizes.push(
        response
          .request()
          .sizes()
          .then(
            (s) => s.responseBodySize + s.responseHeadersSize,
            () => 0,
          ),
      );
    };
    context.on("response", onResponse);
    const coldMs = await timeRunTests(page);
    await page.waitForLoadState("networkidle");
    context.off("response", onResponse);
    const firstRunBytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    const warmMs = await timeRunTests(page);
    return { firstRunBytes, coldMs, warmMs };
  } finally {
    await context.close();
  }
}

/** Rows for `npm run bench`. */
export async function benchInBrowserRuntime(context: BenchContext): Promise<BenchRow[]> {
  const port = Number(process.env["BENCH_STATIC_PORT"] ?? 4521);
  return withStaticHost(port, async (baseURL) => {
    const rows: BenchRow[] = [];
    const browser = await context.launchBrowser();
    try {
      for (const { example, pglite } of measured) {
        // Each half on its own: a failure of one (a timeout on a loaded machine) still leaves the other's figures.
        const local = await benchLocalRunnerTestRun({ projectRoot: root, example }).then(
          (figures) => `${Math.round(figures.runnerMs)} ms`,
          (error: unknown) => `failed (${firstLine(error)})`,
        );
        const localNote = `local runner, same example, this run: ${local}`;
        let figures: InBrowserFigures;
        try {
          figures = await measureInBrowser(browser, baseURL, example);
        } catch (error) {
          rows.push({ name: `In-browser runtime (${example})`, value: "error", note: firstLine(error) });
          continue;
        }
        rows.push(
          {
            name: `In-browser runtime: bytes of the first Run (${pglite ? "with" : "without"} PGlite)`,
            value: formatBytes(figures.firstRunBytes),
            note: `${example}, over the wire (bodies and headers) from the static host, which sends the build's precompressed text files and its .wasm/.data as they are`,
          },
          {
            name: `In-browser runtime: Run tests to summary, cold (${example})`,
            value: `${Math.round(figures.coldMs)} ms`,
            note: `fresh profile, first Run; ${localNote}`,
          },
          {
            name: `In-browser runtime: Run tests to summary, warm (${example})`,
            value: `${Math.round(figures.warmMs)} ms`,
            note: `next Run in the same page; ${localNote}`,
          },
        );
      }
    } finally {
      await browser.close();
    }
    return rows;
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
