import { sitemapPaths } from "../support/sitemap.ts";
import { lighthouseReport } from "./lighthouse.bench.ts";
import type { BenchContext, BenchRow } from "./context.ts";

/** The most DOM elements a page of the guide should have (issue 10: Lighthouse flags large DOMs). */
export const DOM_BUDGET = 6000;

/** A page's element count once it has loaded and its scripts (Mermaid, tabs) have settled. */
export type PageWeight = { readonly path: string; readonly elements: number };

/** Every page of the sitemap with its live DOM element count, heaviest first. */
export async function domWeights(context: BenchContext): Promise<PageWeight[]> {
  const paths = await sitemapPaths(context.baseURL);
  const browser = await context.launchBrowser();
  try {
    const page = await browser.newPage();
    const weights: PageWeight[] = [];
    for (const path of paths) {
      await page.goto(new URL(path, context.baseURL).href, { waitUntil: "networkidle" });
      weights.push({ path, elements: await page.evaluate(() => document.getElementsByTagName("*").length) });
    }
    return weights.sort((a, b) => b.elements - a.elements);
  } finally {
    await browser.close();
  }
}

/**
 * The heaviest page next to the home page: DOM elements and total blocking time as Lighthouse
 * measures them (mobile profile, simulated throttling), and the pages over the element budget.
 */
export async function benchPageWeight(context: BenchContext): Promise<BenchRow[]> {
  const weights = await domWeights(context);
  const heaviest = weights[0];
  if (!heaviest) throw new Error("the sitemap lists no pages");
  const rows: BenchRow[] = [];
  for (const { label, path } of [
    { label: "home page", path: "/" },
    { label: "heaviest page", path: heaviest.path },
  ]) {
    const { audits } = await lighthouseReport(context, path, ["performance"]);
    const domSize = audits["dom-size-insight"]?.numericValue; // Lighthouse 13: the DOM size insight
    const blocking = audits["total-blocking-time"]?.numericValue;
    if (domSize === undefined || blocking === undefined) {
      throw new Error(`Lighthouse measured no DOM size or TBT for ${path}`);
    }
    rows.push({
      name: `Page weight: ${label} (${path})`,
      value: `${Math.round(domSize)} elements, TBT ${Math.round(blocking)} ms`,
      note: `Lighthouse DOM size and total blocking time (mobile, simulated throttling); budget ${DOM_BUDGET} elements`,
    });
  }
  const over = weights.filter(({ elements }) => elements > DOM_BUDGET).length;
  rows.push({
    name: "Page weight: live DOM elements, heaviest pages",
    value: `${over} of ${weights.length} pages over ${DOM_BUDGET}`,
    note: weights
      .slice(0, 3)
      .map(({ path, elements }) => `${path} ${elements}`)
      .join(", "),
  });
  return rows;
}
