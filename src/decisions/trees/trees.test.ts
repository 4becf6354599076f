import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import GithubSlugger from "github-slugger";
import { describe, expect, it } from "vitest";
import { checkDiagram, formatProblem } from "../../diagrams/check-diagrams.ts";
import { treeToMermaid } from "../to-mermaid.ts";
import type { GuideLink } from "../tree.ts";
import { treeProblems } from "../validate-tree.ts";
import { decisionTrees } from "./index.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function pageFile(page: string): string | undefined {
  return [".mdx", ".md"]
    .map((extension) => join(root, "content/docs", `${page}${extension}`))
    .find((path) => existsSync(path));
}

/** Heading ids as Starlight generates them, plus any explicit `id="…"` in the page. */
function sectionIds(file: string): Set<string> {
  const text = readFileSync(file, "utf8");
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  for (const match of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) ids.add(slugger.slug(match[1] ?? ""));
  for (const match of text.matchAll(/\bid=["']([^"']+)["']/g)) ids.add(match[1] ?? "");
  return ids;
}

function linkProblem(link: GuideLink): string | undefined {
  const file = pageFile(link.page);
  if (!file) return `content/docs/${link.page}.mdx does not exist`;
  if (link.section !== undefined && !sectionIds(file).has(link.section)) {
    return `${link.page} has no section with id "${link.section}"`;
  }
  return undefined;
}

describe.each(decisionTrees.map((tree) => [tree.id, tree] as const))("the %s tree", (_id, tree) => {
  it("is well formed: one start, every node reachable, both answers for every question, no cycles", () => {
    expect(treeProblems(tree)).toEqual([]);
  });

  it("links every node to a page (and section) that exists in the guide", () => {
    const problems = tree.nodes.flatMap((node) => {
      const problem = linkProblem(node.link);
      return problem ? [`${node.id} “${node.label}”: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("names only examples that exist under examples/", () => {
    const examples = tree.nodes.flatMap((node) => (node.kind === "step" && node.example ? [node.example] : []));
    expect(examples.filter((name) => !existsSync(join(root, "examples", name, "package.json")))).toEqual([]);
  });

  it("cites its sources with https links", () => {
    expect(tree.sources.length).toBeGreaterThanOrEqual(3);
    for (const source of tree.sources) expect(source.url).toMatch(/^https:\/\//);
  });

  it("generates Mermaid that Mermaid's own parser accepts, with a text alternative", async () => {
    const problems = await checkDiagram(treeToMermaid(tree), `src/decisions/trees/${tree.id}.ts`, 0);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("has ids unique across all trees' URLs", () => {
    expect(decisionTrees.filter((other) => other.id === tree.id)).toHaveLength(1);
  });
});
