import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { formatBytes, javascriptBytesDuring } from "./page-weight.ts";
import type { BenchContext, BenchRow } from "./context.ts";

const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

/** Lighthouse's result for one page of the running guide (default mobile profile, simulated throttling). */
export async function lighthouseReport(
  context: BenchContext,
  path: string,
  onlyCategories: readonly string[] = categories,
): Promise<Result> {
  const chrome = await chromeLauncher.launch({
    chromePath: context.chromiumPath,
    chromeFlags: ["--headless=new", ...context.chromiumArgs],
  });
  try {
    const result = await lighthouse(new URL(path, context.baseURL).href, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...onlyCategories],
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${path}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

/** Lighthouse scores (default mobile profile, simulated throttling) for one page of the running guide. */
export async function lighthouseScores(context: BenchContext, path: string): Promise<Record<string, number>> {
  const report = await lighthouseReport(context, path);
  const scores: Record<string, number> = {};
  for (const category of categories) {
    const score = report.categories[category]?.score;
    // A null score means Lighthouse could not measure (e.g. a busy machine), not that the page scored 0.
    if (typeof score !== "number") throw new Error(`Lighthouse could not score ${category} for ${path}`);
    scores[category] = Math.round(score * 100);
  }
  return scores;
}

/** Rows for each page: its four Lighthouse scores. */
export async function benchLighthouse(
  context: BenchContext,
  pages: readonly { label: string; path: string }[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { label, path } of pages) {
    const scores = await lighthouseScores(context, path);
    rows.push({
      name: `Lighthouse: ${label} (${path})`,
      value: categories.map((category) => scores[category]).join(" / "),
      note: "performance / accessibility / best practices / SEO",
    });
  }
  return rows;
}

/** Rows for each page: JavaScript bytes transferred on first load. */
export async function benchFirstLoadJavaScript(
  context: BenchContext,
  pages: readonly { label: string; path: string }[],
): Promise<BenchRow[]> {
  const browser = await context.launchBrowser();
  const rows: BenchRow[] = [];
  try {
    for (const { label, path } of pages) {
      const page = await browser.newPage();
      const bytes = await javascriptBytesDuring(page, () => page.goto(new URL(path, context.baseURL).href));
      rows.push({
        name: `JavaScript on first load: ${label}`,
        value: formatBytes(bytes),
        note: "compressed bytes over the wire",
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
