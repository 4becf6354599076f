/** Which guide pages embed which examples, read from the MDX sources (for the end-to-end tests and the benchmark). */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** One content page: its URL path and the examples its `<Sandbox example="…" />` tags embed, in order. */
export interface ContentPage {
  readonly path: string;
  readonly examples: readonly string[];
}

const SANDBOX_TAG = /<Sandbox\s[^>]*?\bexample=["']([^"']+)["']/g;

/** Every .md/.mdx page under `contentDir` (sorted), with the examples it embeds. */
export function contentPages(contentDir: string): ContentPage[] {
  const pages: ContentPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.mdx?$/.test(entry.name) && !entry.name.startsWith("_")) {
        const source = readFileSync(file, "utf8");
        pages.push({
          path: pagePath(relative(contentDir, file)),
          examples: [...source.matchAll(SANDBOX_TAG)].map((m) => m[1] ?? ""),
        });
      }
    }
  };
  walk(contentDir);
  return pages;
}

/** The first page that embeds each example. */
export function firstPageOfEachExample(pages: readonly ContentPage[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const page of pages) for (const example of page.examples) if (!first.has(example)) first.set(example, page.path);
  return first;
}

/** `start-here/overview.mdx` → `/start-here/overview/`; `index.mdx` → `/` (Starlight's URLs, trailing slash). */
export function pagePath(relativeFile: string): string {
  const slug = relativeFile
    .split(sep)
    .join("/")
    .replace(/\.mdx?$/, "")
    .replace(/(^|\/)index$/, "");
  return slug === "" ? "/" : `/${slug}/`;
}
