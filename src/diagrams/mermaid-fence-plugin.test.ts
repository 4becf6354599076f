import { markdownToJs, mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { mermaidFencePlugin } from "./mermaid-fence-plugin.ts";

const fileURL = new URL("file:///guide/content/docs/topic.mdx");
const page = (diagram: string) =>
  ["---", "title: Topic", "---", "", "Intro {1 + 1}", "", "```mermaid", diagram, "```", ""].join("\n");
const valid = 'flowchart LR\n  accTitle: Flow\n  accDescr: A goes to B.\n  A["a {b} \\"c\\""] --> B';

describe("mermaidFencePlugin", () => {
  it("turns a mermaid fence into the diagram component, imported once, with source and origin", async () => {
    const { code } = await mdxToJs(page(valid), { mdastPlugins: [mermaidFencePlugin], fileURL });
    expect(code.match(/import GuideMermaidDiagram from ".*\/src\/diagrams\/MermaidDiagram\.astro";/g)).toHaveLength(1);
    expect(code).toContain(`source: ${JSON.stringify(valid)}`);
    expect(code).toMatch(/origin: ".*topic\.mdx:7"/);
  });

  it("leaves pages without diagrams and other code blocks alone", async () => {
    const plain = "# Title\n\n```ts\nconst x = 1;\n```\n";
    const { code } = await mdxToJs(plain, { mdastPlugins: [mermaidFencePlugin], fileURL });
    expect(code).not.toContain("GuideMermaidDiagram");
  });

  it("fails with page and line when a diagram has no accTitle or accDescr", async () => {
    const compile = () => mdxToJs(page("flowchart LR\n  A --> B"), { mdastPlugins: [mermaidFencePlugin], fileURL });
    expect(compile).toThrow(/topic\.mdx:7: this diagram has no text alternative: add an `accTitle: …` line/);
  });

  it("fails with page and line on a plain Markdown page, which cannot hold the component", async () => {
    const compile = () =>
      markdownToJs(page(valid), { mdastPlugins: [mermaidFencePlugin], fileURL: new URL("file:///guide/notes.md") });
    expect(compile).toThrow(/notes\.md:7: Mermaid diagrams need an MDX page/);
  });
});
