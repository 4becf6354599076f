import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { findDiagrams } from "../../src/diagrams/find-diagrams.ts";
import type { BenchContext, BenchRow } from "./context.ts";
import { lighthouseScores } from "./lighthouse.bench.ts";
import { formatBytes, javascriptBytesDuring } from "./page-weight.ts";

const docsDir = fileURLToPath(new URL("../../content/docs/", import.meta.url));
const navigatorPath = "/start-here/decision-navigator/";

/** The guide page (other than the navigator) with exactly two diagrams, or else the one with the fewest above two. */
async function pageWithTwoDiagrams(): Promise<string | undefined> {
  const files = (await readdir(docsDir, { recursive: true })).filter((file) => file.endsWith(".mdx")).sort();
  const counted: { path: string; count: number }[] = [];
  for (const file of files) {
    const count = findDiagrams(await readFile(join(docsDir, file), "utf8"), "mdx").length;
    const slug = relative(".", file)
      .replace(/\.mdx$/, "")
      .replace(/(^|\/)index$/, "");
    if (count >= 2 && `/${slug}/` !== navigatorPath) counted.push({ path: `/${slug}/`, count });
  }
  counted.sort((a, b) => a.count - b.count);
  return counted[0]?.path;
}

/**
 * JavaScript bytes a page costs before any diagram is drawn (no diagram is ever reported near the
 * viewport, so Mermaid is never requested) and after every diagram on it has been scrolled to and drawn.
 */
async function diagramJavaScript(context: BenchContext, path: string): Promise<BenchRow[]> {
  const browser = await context.launchBrowser();
  const url = new URL(path, context.baseURL).href;
  try {
    const beforePage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await beforePage.addInitScript(() => {
      globalThis.IntersectionObserver = class {
        observe(): void {}
        unobserve(): void {}
        disconnect(): void {}
        takeRecords(): IntersectionObserverEntry[] {
          return [];
        }
      } as unknown as typeof IntersectionObserver;
    });
    const before = await javascriptBytesDuring(beforePage, () => beforePage.goto(url));
    await beforePage.close();

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const after = await javascriptBytesDuring(page, async () => {
      await page.goto(url);
      for (const figure of await page.locator("[data-diagram]:visible").all()) {
        await figure.scrollIntoViewIfNeeded();
        await figure.locator("xpath=self::*[@data-diagram-state]").waitFor();
      }
    });
    const drawn = await page.locator("[data-diagram][data-diagram-state=rendered]").count();
    await page.close();
    return [
      {
        name: `JS before a diagram renders: ${path}`,
        value: formatBytes(before),
        note: "everything the page loads up front",
      },
      {
        name: `JS after diagrams render: ${path}`,
        value: formatBytes(after),
        note: `${drawn} diagram(s) drawn; +${formatBytes(after - before)} is Mermaid and its diagram types`,
      },
    ];
  } finally {
    await browser.close();
  }
}

/** `npm run bench` rows for diagrams and the decision navigator: Lighthouse scores and JavaScript weight. */
export async function benchDiagrams(context: BenchContext): Promise<BenchRow[]> {
  const guidePage = await pageWithTwoDiagrams();
  const pages = [{ label: "decision navigator", path: navigatorPath }];
  if (guidePage) pages.push({ label: "guide page with diagrams", path: guidePage });
  const rows: BenchRow[] = [];
  for (const { label, path } of pages) {
    const scores = await lighthouseScores(context, path);
    rows.push({
      name: `Lighthouse: ${label} (${path})`,
      value: [scores["performance"], scores["accessibility"], scores["best-practices"], scores["seo"]].join(" / "),
      note: "performance / accessibility / best practices / SEO",
    });
    rows.push(...(await diagramJavaScript(context, path)));
  }
  if (!guidePage)
    rows.push({ name: "guide page with two diagrams", value: "none", note: "no page has two diagrams yet" });
  return rows;
}
