import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GuideLink } from "./tree.ts";

/** The guide's list of all examples, for an example no page embeds. */
const examplesList: GuideLink = { page: "reference/examples", section: "the-examples" };

/** For each example, the slugs of the pages that embed it with `<Sandbox example="…">`, in path order. */
export function findExampleEmbeds(docsDir: string): Map<string, string[]> {
  const embeds = new Map<string, string[]>();
  const pages = readdirSync(docsDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.mdx?$/.test(file))
    .sort();
  for (const file of pages) {
    const slug = file.replace(/\.mdx?$/, "").replaceAll("\\", "/");
    for (const match of readFileSync(join(docsDir, file), "utf8").matchAll(/<Sandbox\b[^>]*\bexample="([^"]+)"/g)) {
      const example = match[1] ?? "";
      const slugs = embeds.get(example) ?? [];
      if (!slugs.includes(slug)) embeds.set(example, [...slugs, slug]);
    }
  }
  return embeds;
}

/** Where a reader can run `example`: the `preferred` page if it embeds it, else the first page that does, else the list. */
export function exampleLink(embeds: Map<string, string[]>, example: string, preferred: string): GuideLink {
  const pages = embeds.get(example) ?? [];
  const page = pages.includes(preferred) ? preferred : pages[0];
  return page === undefined ? examplesList : { page };
}
