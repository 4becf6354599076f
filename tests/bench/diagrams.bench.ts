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

/** JavaScript bytes on first load, then after every diagram on the page has been scrolled to and drawn. */
async function diagramJavaScript(context: BenchContext, path: string): Promise<BenchRow[]> {
  const browser = await context.launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const url = new URL(path, context.baseURL).href;
    const onLoad = await javascriptBytesDuring(page, () => page.goto(url));
    const drawnOnLoad = await page.locator("[data-diagram][data-diagram-state=rendered]").count();
    const afterScroll = await javascriptBytesDuring(page, async () => {
      for (const figure of await page.locator("[data-diagram]:visible").all()) {
        await figure.scrollIntoViewIfNeeded();
        await figure.locator("xpath=self::*[@data-diagram-state]").waitFor();
      }
    });
    await page.close();
    return [
      {
        name: `Diagram JS before render: ${path}`,
        value: formatBytes(onLoad),
        note: `all JavaScript on first load, 1280×720; ${drawnOnLoad} diagram(s) already near the viewport`,
      },
      {
        name: `Diagram JS after render: ${path}`,
        value: formatBytes(onLoad + afterScroll),
        note: `after scrolling to every diagram (+${formatBytes(afterScroll)} for Mermaid and its diagram types)`,
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
