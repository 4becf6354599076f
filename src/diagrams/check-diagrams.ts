import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { missingDiagramText, readDiagramText } from "./accessibility.ts";
import { findDiagrams } from "./find-diagrams.ts";
import { DiagramSyntaxError, parseDiagram } from "./parse-in-node.ts";

/** Something wrong with one diagram, located in the page it comes from. */
export interface DiagramProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Checks one diagram's source: Mermaid's own parser must accept it, and it must carry `accTitle`
 * and `accDescr`. `line` is the line of the opening fence; problems point at the line Mermaid names.
 */
export async function checkDiagram(source: string, file: string, line: number): Promise<DiagramProblem[]> {
  const problems: DiagramProblem[] = [];
  const text = readDiagramText(source);
  for (const message of missingDiagramText(text))
    problems.push({ file, line, message: `diagram has no text alternative: ${message}` });
  try {
    const parsed = await parseDiagram(source);
    if (text.title !== undefined && parsed.title !== text.title) {
      problems.push({
        file,
        line,
        message: `accTitle reads as “${text.title}” here but as “${parsed.title}” to Mermaid`,
      });
    }
    if (text.description !== undefined && parsed.description.replace(/\s+/g, " ") !== text.description) {
      problems.push({
        file,
        line,
        message: `accDescr reads as “${text.description}” here but as “${parsed.description}” to Mermaid`,
      });
    }
  } catch (error) {
    if (!(error instanceof DiagramSyntaxError)) throw error;
    problems.push({
      file,
      line: line + (error.line ?? 0),
      message: `Mermaid cannot parse this diagram: ${error.message}`,
    });
  }
  return problems;
}

/** Checks every ```mermaid fence in the Markdown and MDX pages under `docsDir`; file names are relative to `root`. */
export async function checkPages(
  docsDir: string,
  root: string,
): Promise<{ diagrams: number; problems: DiagramProblem[] }> {
  const entries = await readdir(docsDir, { recursive: true, withFileTypes: true });
  const pages = entries
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  let diagrams = 0;
  const problems: DiagramProblem[] = [];
  for (const page of pages) {
    const file = relative(root, page);
    const found = findDiagrams(await readFile(page, "utf8"), page.endsWith(".mdx") ? "mdx" : "md");
    diagrams += found.length;
    for (const diagram of found) problems.push(...(await checkDiagram(diagram.source, file, diagram.line)));
  }
  return { diagrams, problems };
}

/** A problem as `file:line: message`, the form editors and terminals turn into links. */
export function formatProblem(problem: DiagramProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
