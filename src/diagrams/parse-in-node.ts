import DOMPurify from "dompurify";
import type { Mermaid } from "mermaid";

/** A diagram Mermaid's parser accepted, with the text alternative Mermaid itself read from it. */
export interface ParsedDiagram {
  readonly type: string;
  readonly title: string;
  readonly description: string;
}

/** Mermaid's parser rejected the source; `line` is 1-based within the diagram when Mermaid says where. */
export class DiagramSyntaxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.name = "DiagramSyntaxError";
    this.line = line;
  }
}

let mermaidInNode: Promise<Mermaid> | undefined;

/**
 * Mermaid's parser in Node. Mermaid sanitises labels with DOMPurify, which without a DOM has no
 * `sanitize`; parsing only decides whether the syntax is valid, so labels pass through unchanged here.
 */
function loadMermaid(): Promise<Mermaid> {
  if (!DOMPurify.isSupported) {
    const purifier = DOMPurify as unknown as Record<string, unknown>;
    purifier["sanitize"] ??= (text: unknown) => String(text);
    purifier["addHook"] ??= () => undefined;
  }
  mermaidInNode ??= import("mermaid").then((module) => module.default);
  return mermaidInNode;
}

/** Parses Mermaid source with Mermaid's own parser; throws DiagramSyntaxError when it is invalid. */
export async function parseDiagram(source: string): Promise<ParsedDiagram> {
  const mermaid = await loadMermaid();
  try {
    await mermaid.parse(source);
    // The parsed diagram's database is where Mermaid keeps the accTitle/accDescr it read.
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const db = diagram.db as { getAccTitle?: () => string; getAccDescription?: () => string };
    return { type: diagram.type, title: db.getAccTitle?.() ?? "", description: db.getAccDescription?.() ?? "" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const location = (error as { hash?: { loc?: { first_line?: number } } }).hash?.loc?.first_line;
    const line = location ?? Number(/line (\d+)/.exec(message)?.[1] ?? Number.NaN);
    throw new DiagramSyntaxError(message, Number.isFinite(line) ? line : undefined);
  }
}
