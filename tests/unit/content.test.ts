import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  findPython,
  GUIDE_PYTHON,
  isAtLeast,
  pythonSyntaxProblems,
  typescriptSyntaxProblems,
  type SyntaxProblem,
} from "./content/code-syntax.ts";
import {
  fencedBlocks,
  hasMetaWord,
  UnclosedFenceError,
  withoutFencedBlocks,
  type FencedBlock,
} from "./content/markdown-blocks.ts";
import { linesNotInFile, quotedExampleFile } from "./content/example-excerpts.ts";
import {
  isPythonThenTypeScript,
  isTopicPage,
  languageTabs,
  parentTopicPage,
  placeholderLines,
  sandboxUses,
  tryThisExamples,
  handWrittenTryThis,
} from "./content/page-rules.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const docsDir = join(root, "content", "docs");
const examplesDir = join(root, "examples");

/** Every .mdx page under content/docs, as a path relative to it with `/` separators. */
function listPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".mdx"))
    .map((entry) => relative(docsDir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

const pages = listPages(docsDir).map((page) => {
  const source = readFileSync(join(docsDir, page), "utf8");
  try {
    return { page, source, blocks: fencedBlocks(source) };
  } catch (error) {
    throw new Error(`content/docs/${page}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
});

const PYTHON_LANGS = new Set(["python", "py"]);
const TYPESCRIPT_LANGS = new Set(["ts", "typescript"]);
const checked = (block: FencedBlock, langs: ReadonlySet<string>) =>
  langs.has(block.lang) && !hasMetaWord(block, "partial");
const where = (page: string, block: FencedBlock, problem: SyntaxProblem) =>
  `content/docs/${page}:${block.line + problem.line} (line ${problem.line} of the ${block.lang} block opened at line ${block.line}): ${problem.message}`;

const python = findPython();

describe("content checks catch what they should", () => {
  const page = [
    "## Money",
    "",
    '<Tabs syncKey="lang">',
    '  <TabItem label="Python">',
    '    ```python partial title="money.py"',
    "    def total(self) -> int:",
    "        return sum(self.lines)",
    "    ```",
    "  </TabItem>",
    '  <TabItem label="TypeScript">',
    "    ````ts",
    "    const fence = '```';",
    "    ````",
    "  </TabItem>",
    "</Tabs>",
    "",
    "~~~mermaid",
    "flowchart LR",
    "~~~",
  ].join("\n");

  it("finds fences indented inside JSX, strips their indentation and reads their meta", () => {
    const blocks = fencedBlocks(page);
    expect(blocks.map((block) => [block.lang, block.line, block.endLine])).toEqual([
      ["python", 5, 8],
      ["ts", 11, 13],
      ["mermaid", 17, 19],
    ]);
    expect(blocks[0]?.code).toBe("def total(self) -> int:\n    return sum(self.lines)");
    expect(blocks[0]?.meta).toEqual(["partial", 'title="money.py"']);
    expect(blocks[1]?.code).toBe("const fence = '```';");
  });

  it("rejects a fence that is never closed, naming its line", () => {
    expect(() => fencedBlocks("text\n\n```python\nx = 1\n")).toThrow(UnclosedFenceError);
    expect(() => fencedBlocks("text\n\n```python\nx = 1\n")).toThrow(/line 3/);
  });

  it("reads tab groups and sandboxes from prose only", () => {
    const fakeInCode =
      '```mdx\n<Sandbox example="nowhere" />\n```\n<Sandbox example="layered-service"\n  file="src/main.ts" />';
    expect(languageTabs(page).map(isPythonThenTypeScript)).toEqual([true]);
    expect(sandboxUses(fakeInCode)).toEqual([{ line: 4, example: "layered-service", file: "src/main.ts" }]);
    expect(withoutFencedBlocks(fakeInCode).split("\n")).toHaveLength(5);
  });

  it("holds every page to the topic rules except the home page, the navigator and the reference pages", () => {
    expect(["start-here/overview.mdx", "interfaces-data/caching.mdx"].map(isTopicPage)).toEqual([true, true]);
    expect(["index.mdx", "start-here/decision-navigator.mdx", "reference/examples.mdx"].map(isTopicPage)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("recognises a subpage by the topic page named like its folder", () => {
    const all = ["interfaces-data/caching.mdx", "interfaces-data/caching/stampedes.mdx", "foundations/ddd.mdx"];
    expect(all.map((page) => parentTopicPage(page, all))).toEqual([
      undefined,
      "interfaces-data/caching.mdx",
      undefined,
    ]);
  });

  it("flags placeholder words but not words that merely contain them", () => {
    expect(placeholderLines("ok\nTODO: write\nComing soon!\nlorem ipsum").map((hit) => hit.line)).toEqual([2, 3, 4]);
    expect(placeholderLines("todos and mastodon; a placeholderless tbdx")).toEqual([]);
  });

  it("detects TypeScript syntax errors and accepts valid TypeScript", () => {
    expect(typescriptSyntaxProblems("const total = ;")).not.toEqual([]);
    expect(typescriptSyntaxProblems("function f(a: number {\n  return a;\n}")[0]?.line).toBe(1);
    expect(
      typescriptSyntaxProblems("export interface Port {\n  get(id: string): Promise<number | undefined>;\n}"),
    ).toEqual([]);
  });

  it("accepts an excerpt that leaves lines out, and refuses a changed, invented or reordered line", () => {
    const file = "export class A {\n  one(): number {\n    return 1;\n  }\n\n  two(): number {\n    return 2;\n  }\n}";
    expect(
      linesNotInFile("export class A {\n  // … one() as above\n  two(): number {\n    return 2;\n  }\n}", file),
    ).toEqual([]);
    expect(linesNotInFile("  two(): number {\n    return 3;\n  }", file)).toEqual(["return 3;"]);
    expect(linesNotInFile("  two(): number {\n  one(): number {", file)).toEqual(["one(): number {"]);
    const [titled] = fencedBlocks('```ts title="examples/x/src/a.ts"\nconst a = 1;\n```');
    expect(titled && quotedExampleFile(titled)).toBe("examples/x/src/a.ts");
  });

  it("compares Python versions", () => {
    expect(isAtLeast({ command: "python3", version: [3, 12] }, GUIDE_PYTHON)).toBe(true);
    expect(isAtLeast({ command: "python3", version: [4, 0] }, GUIDE_PYTHON)).toBe(true);
    expect(isAtLeast({ command: "python3", version: [3, 11] }, GUIDE_PYTHON)).toBe(false);
  });

  it.skipIf(!python)("detects Python syntax errors and accepts valid Python", () => {
    if (!python) return;
    const [broken, valid] = pythonSyntaxProblems(python, [
      "x = 1\ndef f(:\n    pass",
      "async def f() -> int:\n    return 1",
    ]);
    expect(broken?.line).toBe(2);
    expect(valid).toBeUndefined();
  });
});

describe("guide pages", () => {
  it("quote examples' files exactly where a code block is titled with one (examples/…)", () => {
    const problems: string[] = [];
    for (const { page, blocks } of pages) {
      for (const block of blocks) {
        const file = quotedExampleFile(block);
        if (!file) continue;
        const where = `content/docs/${page}:${block.line} quotes ${file}`;
        if (!existsSync(join(root, file))) {
          problems.push(`${where}, which does not exist`);
          continue;
        }
        const missing = linesNotInFile(block.code, readFileSync(join(root, file), "utf8"));
        if (missing.length > 0)
          problems.push(`${where}, which has no such lines (or not in this order):\n  ${missing.join("\n  ")}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("exist", () => {
    expect(pages.length).toBeGreaterThan(0);
  });

  it.each(pages)("$page has no placeholder text", ({ page, source }) => {
    const hits = placeholderLines(source).map((hit) => `content/docs/${page}:${hit.line}: "${hit.word}"`);
    expect(hits).toEqual([]);
  });

  it.each(pages)("$page: every TypeScript block parses (unless marked partial)", ({ page, blocks }) => {
    const failures = blocks
      .filter((block) => checked(block, TYPESCRIPT_LANGS))
      .flatMap((block) => typescriptSyntaxProblems(block.code).map((problem) => where(page, block, problem)));
    expect(failures).toEqual([]);
  });

  const pythonForGuide = python && isAtLeast(python, GUIDE_PYTHON) ? python : undefined;
  const pythonTitle = pythonForGuide
    ? `Python blocks parse with ${pythonForGuide.command} (${pythonForGuide.version.join(".")})`
    : `Python blocks parse: skipped, no Python ${GUIDE_PYTHON.join(".")}+ found (set CONTENT_PYTHON)`;

  describe.skipIf(!pythonForGuide)(pythonTitle, () => {
    let failuresByPage = new Map<string, string[]>();
    beforeAll(() => {
      if (!pythonForGuide) return;
      const all = pages.flatMap(({ page, blocks }) =>
        blocks.filter((block) => checked(block, PYTHON_LANGS)).map((block) => ({ page, block })),
      );
      const problems = pythonSyntaxProblems(
        pythonForGuide,
        all.map(({ block }) => block.code),
      );
      failuresByPage = new Map(pages.map(({ page }) => [page, []]));
      all.forEach(({ page, block }, index) => {
        const problem = problems[index];
        if (problem) failuresByPage.get(page)?.push(where(page, block, problem));
      });
    });

    it.each(pages)("$page: every Python block parses (unless marked partial)", ({ page }) => {
      expect(failuresByPage.get(page)).toEqual([]);
    });
  });

  const pagePaths = pages.map(({ page }) => page);
  const allTopicPages = pages.filter(({ page }) => isTopicPage(page));
  // A topic split into subpages keeps its diagram-led overview and its sandbox on the topic page.
  const topicPages = allTopicPages.filter(({ page }) => !parentTopicPage(page, pagePaths));
  const subpages = allTopicPages.flatMap(({ page, source }) => {
    const parent = parentTopicPage(page, pagePaths);
    return parent ? [{ page, source, parent }] : [];
  });

  it.each(subpages)("$page links back to its topic page, where the sandbox is", ({ source, parent }) => {
    const href = `/${parent.replace(/\.mdx$/, "")}/`;
    expect(withoutFencedBlocks(source)).toContain(`](${href})`);
  });

  it.each(topicPages)("$page has a Mermaid diagram", ({ blocks }) => {
    expect(blocks.some((block) => block.lang === "mermaid")).toBe(true);
  });

  it.each(allTopicPages)('$page has code tabs <Tabs syncKey="lang">, Python then TypeScript', ({ page, source }) => {
    const tabs = languageTabs(source);
    expect(tabs.length, `content/docs/${page} has no <Tabs syncKey="lang">`).toBeGreaterThan(0);
    const misshapen = tabs
      .filter((group) => !isPythonThenTypeScript(group))
      .map((group) => `content/docs/${page}:${group.line}: tabs ${JSON.stringify(group.labels)}`);
    expect(misshapen).toEqual([]);
  });

  it.each(topicPages)("$page embeds a Sandbox of an example that exists", ({ page, source }) => {
    const sandboxes = sandboxUses(source);
    expect(sandboxes.length, `content/docs/${page} has no <Sandbox example="…" />`).toBeGreaterThan(0);
    const broken = sandboxes.flatMap(({ line, example, file }) => {
      const at = `content/docs/${page}:${line}`;
      if (!example) return [`${at}: <Sandbox> without example="…"`];
      if (!existsSync(join(examplesDir, example, "package.json"))) return [`${at}: no example examples/${example}`];
      if (file && !existsSync(join(examplesDir, example, file))) return [`${at}: no file examples/${example}/${file}`];
      return [];
    });
    expect(broken).toEqual([]);
  });

  it.each(topicPages)(
    "$page shows each sandbox's Try this steps from its README, verified steps only",
    ({ page, source }) => {
      const shown = tryThisExamples(source);
      const missing = sandboxUses(source)
        .filter(({ example }) => example && !shown.includes(example))
        .map(
          ({ line, example }) =>
            `content/docs/${page}:${line}: <Sandbox example="${example}"> without <TryThis example="${example}" />`,
        );
      const handWritten = handWrittenTryThis(source).map(
        (line) => `content/docs/${page}:${line}: a hand-written "Try this" list`,
      );
      expect([...missing, ...handWritten]).toEqual([]);
    },
  );
});

if (!python || !isAtLeast(python, GUIDE_PYTHON)) {
  const found = python ? `only Python ${python.version.join(".")} (${python.command})` : "no Python";
  console.warn(
    `content tests: ${found} found; the guide's Python blocks need ${GUIDE_PYTHON.join(".")}+ to parse, so they were not checked.`,
  );
}
