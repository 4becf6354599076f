/** The rules every guide page follows, as small checks over an MDX page's text. */
import { withoutFencedBlocks } from "./markdown-blocks.ts";

/** Placeholder words a finished page never contains (whole words, any case). */
export const PLACEHOLDER = /\b(?:todo|tbd|lorem|coming soon|placeholders?)\b/i;

/** Pages that are not topic pages: the home page and the two tools built from the topics (navigator, checklist). */
export const NON_TOPIC_PAGES: readonly string[] = [
  "index.mdx",
  "start-here/decision-navigator.mdx",
  "operations/production-readiness.mdx",
];

/** Folders whose pages are not topic pages: the Reference group describes the examples, it teaches no pattern. */
export const NON_TOPIC_FOLDERS: readonly string[] = ["reference/"];

/** Whether a page (path relative to `content/docs`, with `/`) must meet the topic-page rules. */
export function isTopicPage(page: string): boolean {
  return !NON_TOPIC_PAGES.includes(page) && !NON_TOPIC_FOLDERS.some((folder) => page.startsWith(folder));
}

/**
 * The topic page a subpage belongs to, when the page sits in a folder named after an existing page:
 * `interfaces-data/caching/stampedes.mdx` belongs to `interfaces-data/caching.mdx`. A long topic is
 * split this way so each page stays light; the topic page keeps the sandbox, the subpages link to it.
 */
export function parentTopicPage(page: string, pages: readonly string[]): string | undefined {
  const folder = page.includes("/") ? page.slice(0, page.lastIndexOf("/")) : "";
  const parent = `${folder}.mdx`;
  return folder !== "" && pages.includes(parent) ? parent : undefined;
}

/** 1-based lines of `source` that contain placeholder text, with the word found. */
export function placeholderLines(source: string): { line: number; word: string }[] {
  return source.split(/\r?\n/).flatMap((text, index) => {
    const match = PLACEHOLDER.exec(text);
    return match ? [{ line: index + 1, word: match[0] }] : [];
  });
}

/** One `<Tabs syncKey="lang">` group: the TabItem labels in order and the line the group opens on. */
export interface LanguageTabs {
  readonly line: number;
  readonly labels: readonly string[];
}

/** Every `<Tabs syncKey="lang">` group of the page's prose (code blocks are ignored). */
export function languageTabs(source: string): LanguageTabs[] {
  const prose = withoutFencedBlocks(source);
  const groups: LanguageTabs[] = [];
  for (const match of prose.matchAll(/<Tabs\s+syncKey="lang"\s*>([\s\S]*?)<\/Tabs>/g)) {
    const labels = [...(match[1] ?? "").matchAll(/<TabItem\s+label="([^"]*)"/g)].map((item) => item[1] ?? "");
    groups.push({ line: lineOf(prose, match.index), labels });
  }
  return groups;
}

/** Whether a tab group has exactly the shape the guide uses: Python first, then TypeScript. */
export function isPythonThenTypeScript(tabs: LanguageTabs): boolean {
  return tabs.labels.length === 2 && tabs.labels[0] === "Python" && tabs.labels[1] === "TypeScript";
}

/** One `<Sandbox … />` of the page's prose: its example, the file it opens first (if any) and its line. */
export interface SandboxUse {
  readonly line: number;
  readonly example: string | undefined;
  readonly file: string | undefined;
}

/** Every `<Sandbox … />` element of the page's prose (code blocks are ignored). */
export function sandboxUses(source: string): SandboxUse[] {
  const prose = withoutFencedBlocks(source);
  return [...prose.matchAll(/<Sandbox\b([^>]*)>/g)].map((match) => {
    const attributes = match[1] ?? "";
    return {
      line: lineOf(prose, match.index),
      example: /\bexample="([^"]*)"/.exec(attributes)?.[1],
      file: /\bfile="([^"]*)"/.exec(attributes)?.[1],
    };
  });
}

/** The examples whose README steps the page shows with `<TryThis example="…" />` (code blocks are ignored). */
export function tryThisExamples(source: string): string[] {
  return [...withoutFencedBlocks(source).matchAll(/<TryThis\b[^>]*\bexample="([^"]*)"/g)].map(
    (match) => match[1] ?? "",
  );
}

/** Lines of hand-written "Try this:" lists, which the suite cannot check (the steps belong in the README). */
export function handWrittenTryThis(source: string): number[] {
  return withoutFencedBlocks(source)
    .split("\n")
    .flatMap((text, index) => (/^Try this:?\s*$/i.test(text.trim()) ? [index + 1] : []));
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}
