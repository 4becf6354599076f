import { sitemapPaths } from "../support/sitemap.ts";
import { lighthouseReport } from "./lighthouse.bench.ts";
import type { BenchContext, BenchRow } from "./context.ts";

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
 * measures them (mobile profile, simulated throttling). The guide keeps every page under 6,000
 * elements; the live count of every page is listed so a page creeping towards it shows early.
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
    const domSize = audits["dom-size"]?.numericValue;
    const blocking = audits["total-blocking-time"]?.numericValue;
    if (domSize === undefined || blocking === undefined)
      throw new Error(`Lighthouse measured no DOM size or TBT for ${path}`);
    rows.push({
      name: `Page weight: ${label} (${path})`,
      value: `${Math.round(domSize)} elements, TBT ${Math.round(blocking)} ms`,
      note: "Lighthouse DOM size and total blocking time (mobile, simulated throttling); budget 6,000 elements",
    });
  }
  rows.push({
    name: "Page weight: live DOM elements per page",
    value: `max ${heaviest.elements}`,
    note: weights.map(({ path, elements }) => `${path} ${elements}`).join(", "),
  });
  return rows;
}
