import { markdownToMdast, mdxToMdast, type MdastNode } from "satteri";

/** A ```mermaid fence found in a page: its source and the 1-based line of the opening fence. */
export interface FoundDiagram {
  readonly source: string;
  readonly line: number;
}

/** Every ```mermaid fence in a Markdown or MDX document, parsed the way the site build parses it. */
export function findDiagrams(text: string, format: "md" | "mdx"): FoundDiagram[] {
  const tree = format === "mdx" ? mdxToMdast(text) : markdownToMdast(text);
  const found: FoundDiagram[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === "code" && node.lang === "mermaid") {
      found.push({ source: node.value, line: node.position?.start.line ?? 1 });
    }
    if ("children" in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return found;
}
