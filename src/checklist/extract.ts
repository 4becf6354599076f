/**
 * Builds the production-readiness checklist from the guide's pages: every page's `## Checklist` task list, in the
 * sidebar's reading order, plus the seed items no page covers yet. Runs at build time; the page renders its result.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import GithubSlugger from "github-slugger";
import type { PhrasingContent } from "mdast";
import { plannedSidebar, type PlannedGroup } from "../site/sidebar.ts";
import { CHECKLIST_HEADING, parseInlineItem, parsePage, type PageHeading, type ParsedPage } from "./parse-page.ts";
import { seedItems, type SeedItem } from "./seed.ts";

/** The checklist page's own slug: it is built from the others, never from itself. */
export const CHECKLIST_PAGE = "operations/production-readiness";

/** One page of the guide, parsed. */
export interface GuidePage {
  readonly slug: string;
  readonly page: ParsedPage;
}

export interface ChecklistItem {
  /** Stable across builds while the item's text stays the same: `<area>/<slug of the text>`. */
  readonly id: string;
  readonly markdown: string;
  readonly content: readonly PhrasingContent[];
  readonly text: string;
  readonly mustHave: boolean;
  /** Site-relative URL of the section that explains the item. */
  readonly href: string;
  /** That section's heading, "<page title>: <heading>". */
  readonly linkLabel: string;
  /** The slug of the page the link goes to, and the heading's text (`undefined` for the page itself). */
  readonly linkPage: string;
  readonly linkHeading: string | undefined;
  readonly origin: "page" | "seed";
}

export interface ChecklistArea {
  /** The page's slug (or, for seed items awaiting their page, the planned slug). */
  readonly id: string;
  readonly title: string;
  /** The sidebar group the page sits in. */
  readonly group: string;
  /** The page's URL; `undefined` while the page is not written. */
  readonly href: string | undefined;
  readonly items: readonly ChecklistItem[];
}

/** Every `.md`/`.mdx` page under `docsDir`, parsed, except the checklist page itself. */
export function readGuidePages(docsDir: string): GuidePage[] {
  return readdirSync(docsDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.mdx?$/.test(file))
    .sort()
    .map((file) => ({ file, slug: file.replace(/\.mdx?$/, "").replaceAll("\\", "/") }))
    .filter(({ slug }) => slug !== CHECKLIST_PAGE)
    .map(({ file, slug }) => ({ slug, page: parsePage(readFileSync(join(docsDir, file), "utf8"), file) }));
}

/** The checklist of the pages in `docsDir`. */
export function extractChecklist(docsDir: string, base = "/"): ChecklistArea[] {
  return buildChecklist(readGuidePages(docsDir), { base });
}

export interface BuildOptions {
  readonly base?: string;
  readonly seed?: readonly SeedItem[];
  readonly plan?: readonly PlannedGroup[];
}

/**
 * Areas in the sidebar's order (pages outside the plan last, by slug), each with its page's items and the seed items
 * no page covers yet. Throws when an item would link to a page or heading that does not exist.
 */
export function buildChecklist(pages: readonly GuidePage[], options: BuildOptions = {}): ChecklistArea[] {
  const { base = "/", seed = seedItems, plan = plannedSidebar } = options;
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const pageUrl = (slug: string) => `${prefix}${slug}/`;
  const bySlug = new Map(pages.map((page) => [page.slug, page]));
  const order = plan.flatMap((group) => group.slugs.map((slug) => ({ slug, group: group.label })));
  const groupOf = (slug: string) => order.find((entry) => entry.slug === slug)?.group ?? "More";

  const link = (slug: string, anchor: string | undefined, where: string) => {
    const target = bySlug.get(slug);
    if (!target) throw new Error(`${where} links to "${slug}", which is not a page of the guide.`);
    if (anchor === undefined) {
      return { href: pageUrl(slug), linkLabel: target.page.title, linkPage: slug, linkHeading: undefined };
    }
    const heading = target.page.headings.find((candidate) => candidate.anchor === anchor);
    if (!heading) throw new Error(`${where} links to "${slug}#${anchor}", but that page has no such heading.`);
    return {
      href: `${pageUrl(slug)}#${anchor}`,
      linkLabel: `${target.page.title}: ${heading.text}`,
      linkPage: slug,
      linkHeading: heading.text,
    };
  };

  const areas = new Map<
    string,
    { title: string; href: string | undefined; items: ChecklistItem[]; ids: GithubSlugger }
  >();
  const areaFor = (slug: string, title: string, href: string | undefined) => {
    let area = areas.get(slug);
    if (!area) {
      area = { title, href, items: [], ids: new GithubSlugger() };
      areas.set(slug, area);
    }
    return area;
  };

  const withChecklists = pages.filter((page) => page.page.checklist !== undefined);
  for (const { slug, page } of withChecklists) {
    const area = areaFor(slug, page.title, pageUrl(slug));
    for (const raw of page.checklist ?? []) {
      const target = explainingSection(slug, raw.links, raw.text, pages);
      const where = `The checklist of ${slug} ("${raw.text}")`;
      area.items.push({
        ...raw,
        id: `${slug}/${area.ids.slug(raw.text)}`,
        ...link(target.slug, target.anchor, where),
        origin: "page",
      });
    }
  }

  for (const item of seed) {
    if (isCovered(item, bySlug)) continue;
    const home = item.coveredBy[0];
    if (home === undefined) throw new Error(`The seed item "${item.markdown}" names no page to be covered by.`);
    const existing = bySlug.get(home);
    const area = areaFor(home, existing?.page.title ?? item.area, existing ? pageUrl(home) : undefined);
    const raw = parseInlineItem(item.markdown, `seed item "${item.markdown}"`);
    area.items.push({
      ...raw,
      id: `${home}/${area.ids.slug(raw.text)}`,
      ...link(item.closest.page, item.closest.section, `The seed item "${raw.text}"`),
      origin: "seed",
    });
  }

  const rank = (slug: string) => {
    const index = order.findIndex((entry) => entry.slug === slug);
    return index === -1 ? order.length : index;
  };
  return [...areas.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([id, area]) => ({ id, title: area.title, group: groupOf(id), href: area.href, items: area.items }));
}

/** A seed item is covered once a page it names has a checklist item mentioning one of its phrases. */
export function isCovered(item: SeedItem, bySlug: ReadonlyMap<string, GuidePage>): boolean {
  return item.coveredBy.some((slug) =>
    (bySlug.get(slug)?.page.checklist ?? []).some((raw) =>
      item.coveredWhen.some((phrase) => raw.text.toLowerCase().includes(phrase)),
    ),
  );
}

/** Headings that organise a page rather than explain a point. */
const NAVIGATION_HEADINGS = new Set(
  [
    "In short",
    "Pitfalls",
    CHECKLIST_HEADING,
    "Related pages",
    "Further reading",
    "Run it",
    "Try this",
    "Where to next",
  ].map((text) => text.toLowerCase()),
);

/** Words too common in the guide's prose to say what a section is about. */
const STOP_WORDS = new Set(
  "the and for with from into that this than then them they their its are was were has have had not nor but per one two each every any all only never always what when where which who how why own over under out off via use used uses using new more most less least same other others".split(
    " ",
  ),
);

/** The words of a text that carry meaning, crudely singular (`keys` → `key`), for matching items to headings. */
export function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word)),
  );
}

/**
 * Where an item is explained, in this order: a guide link written in the item (`[why](#section)`); else the heading,
 * on the page or one of its subpages, sharing the most meaningful words with the item (at least two: one shared word
 * is too often just the page's topic); else the page's own checklist section.
 */
export function explainingSection(
  slug: string,
  links: readonly string[],
  text: string,
  pages: readonly GuidePage[],
): { slug: string; anchor: string | undefined } {
  for (const url of links) {
    if (url.startsWith("#")) return { slug, anchor: url.slice(1) };
    if (url.startsWith("/")) {
      const [path = "", anchor] = url.split("#");
      return { slug: path.replace(/^\/|\/$/g, ""), anchor: anchor || undefined };
    }
  }
  const words = significantWords(text);
  let best: { slug: string; heading: PageHeading; overlap: number; ratio: number } | undefined;
  for (const candidate of pages.filter((page) => page.slug === slug || page.slug.startsWith(`${slug}/`))) {
    for (const heading of candidate.page.headings) {
      const lower = heading.text.toLowerCase();
      if (heading.depth > 3 || NAVIGATION_HEADINGS.has(lower) || lower.startsWith("run it")) continue;
      const headingWords = significantWords(heading.text);
      const overlap = [...headingWords].filter((word) => words.has(word)).length;
      const ratio = headingWords.size === 0 ? 0 : overlap / headingWords.size;
      if (overlap < 2) continue;
      if (!best || overlap > best.overlap || (overlap === best.overlap && ratio > best.ratio)) {
        best = { slug: candidate.slug, heading, overlap, ratio };
      }
    }
  }
  return best ? { slug: best.slug, anchor: best.heading.anchor } : { slug, anchor: "checklist" };
}
