/**
 * Reads one guide page (MDX) into what the production-readiness checklist needs from it: its title, its headings
 * with the anchors the site gives them, and the task-list items of its `## Checklist` section. Parsing is done by
 * micromark/mdast with the MDX and GFM extensions, the same grammar the site's pages are written in.
 */
import GithubSlugger from "github-slugger";
import type { Heading, List, ListItem, Nodes, PhrasingContent, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { mdxFromMarkdown } from "mdast-util-mdx";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { mdxjs } from "micromark-extension-mdxjs";
import { parse as parseYaml } from "yaml";

/** The heading text that starts a page's checklist section (an h2). */
export const CHECKLIST_HEADING = "Checklist";

/** A heading of a page: its level, its text and the anchor the site renders for it. */
export interface PageHeading {
  readonly depth: number;
  readonly text: string;
  readonly anchor: string;
}

/** One task-list item of a page's checklist, as written. */
export interface RawChecklistItem {
  /** The item's inline Markdown, on one line (continuation indentation folded). */
  readonly markdown: string;
  /** The item's inline content as parsed, for rendering. */
  readonly content: readonly PhrasingContent[];
  /** Plain text, without Markdown. */
  readonly text: string;
  /** A must-have is an item whose text begins with strong emphasis: `- [ ] **Every call has a timeout**, …`. */
  readonly mustHave: boolean;
  /** Links written in the item, in order. */
  readonly links: readonly string[];
}

/** What the checklist reads from one page. */
export interface ParsedPage {
  readonly title: string;
  readonly headings: readonly PageHeading[];
  /** `undefined` when the page has no `## Checklist` section. */
  readonly checklist: readonly RawChecklistItem[] | undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Parses a page's source; `file` names it in error messages. */
export function parsePage(source: string, file: string): ParsedPage {
  const frontmatter = FRONTMATTER.exec(source);
  // The frontmatter is blanked rather than cut, so positions in the tree still index into `source`.
  const body = frontmatter ? source.replace(frontmatter[0], frontmatter[0].replace(/[^\n]/g, " ")) : source;
  const data: unknown = frontmatter ? parseYaml(frontmatter[1] ?? "") : undefined;
  const title = typeof data === "object" && data !== null && "title" in data ? data.title : undefined;
  if (typeof title !== "string" || title.trim() === "") throw new Error(`${file}: the frontmatter has no title.`);

  let tree: Root;
  try {
    tree = fromMarkdown(body, {
      extensions: [mdxjs(), gfm()],
      mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
    });
  } catch (error) {
    throw new Error(`${file}: cannot be parsed as MDX: ${(error as Error).message}`, { cause: error });
  }
  return { title, headings: headingsOf(tree), checklist: checklistOf(tree, body, file) };
}

/** Every heading in document order (inside components too), slugged the way the site slugs them. */
function headingsOf(tree: Root): PageHeading[] {
  const slugger = new GithubSlugger();
  const headings: PageHeading[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "heading") {
      const text = toString(node);
      headings.push({ depth: node.depth, text, anchor: slugger.slug(text) });
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return headings;
}

const isChecklistHeading = (node: Nodes): node is Heading =>
  node.type === "heading" && node.depth === 2 && toString(node).trim() === CHECKLIST_HEADING;

function checklistOf(tree: Root, source: string, file: string): RawChecklistItem[] | undefined {
  const start = tree.children.findIndex(isChecklistHeading);
  if (start === -1) return undefined;
  const items: RawChecklistItem[] = [];
  for (const node of tree.children.slice(start + 1)) {
    if (node.type === "heading" && node.depth <= 2) break;
    if (node.type !== "list") continue;
    items.push(
      ...(node as List).children
        .filter((item) => item.checked !== null && item.checked !== undefined)
        .map((item) => itemOf(item, source, file)),
    );
  }
  if (items.length === 0)
    throw new Error(`${file}: the "## ${CHECKLIST_HEADING}" section has no task-list items (- [ ] …).`);
  return items;
}

function itemOf(item: ListItem, source: string, file: string): RawChecklistItem {
  const paragraph = item.children[0];
  if (paragraph?.type !== "paragraph") {
    throw new Error(`${file}:${item.position?.start.line}: a checklist item must start with a sentence.`);
  }
  // From the first inline node to the last: the paragraph's own start can include the `[ ]` marker.
  const start = paragraph.children[0]?.position?.start.offset ?? 0;
  const end = paragraph.children.at(-1)?.position?.end.offset ?? 0;
  const markdown = source.slice(start, end).replace(/\s+/g, " ").trim();
  const links: string[] = [];
  const collect = (node: Nodes) => {
    if (node.type === "link") links.push(node.url);
    if ("children" in node) for (const child of node.children) collect(child as Nodes);
  };
  collect(paragraph);
  return {
    markdown,
    content: paragraph.children,
    text: toString(paragraph).replace(/\s+/g, " ").trim(),
    mustHave: paragraph.children[0]?.type === "strong",
    links,
  };
}

/** Parses one line of inline Markdown (a seed item) the way a page's item is parsed. */
export function parseInlineItem(markdown: string, where: string): RawChecklistItem {
  const source = `## ${CHECKLIST_HEADING}\n\n- [ ] ${markdown}\n`;
  const parsed = parsePage(`---\ntitle: ${JSON.stringify(where)}\n---\n${source}`, where);
  const item = parsed.checklist?.[0];
  if (!item || parsed.checklist?.length !== 1) throw new Error(`${where}: "${markdown}" is not one checklist item.`);
  return item;
}
