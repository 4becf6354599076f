/** The text alternative a diagram's author gave with Mermaid's `accTitle` and `accDescr` directives. */
export interface DiagramText {
  readonly title: string | undefined;
  readonly description: string | undefined;
}

/**
 * Reads `accTitle: …` and `accDescr: …` (or a multi-line `accDescr { … }`) from Mermaid source.
 * The tests hold this reader to the same result as Mermaid's own parser for every diagram in the guide.
 */
export function readDiagramText(source: string): DiagramText {
  const title = /^\s*accTitle\s*:\s*(.+?)\s*$/m.exec(source)?.[1];
  const block = /^\s*accDescr\s*\{([^}]*)\}/m.exec(source)?.[1];
  const line = /^\s*accDescr\s*:\s*(.+?)\s*$/m.exec(source)?.[1];
  const description =
    block === undefined
      ? line
      : block
          .split("\n")
          .map((part) => part.trim())
          .filter(Boolean)
          .join(" ");
  return { title: title || undefined, description: description || undefined };
}

/** What a diagram's source lacks for its text alternative, as messages; empty when it has both directives. */
export function missingDiagramText(text: DiagramText): string[] {
  const missing: string[] = [];
  if (text.title === undefined) missing.push("add an `accTitle: …` line (the diagram's short name for screen readers)");
  if (text.description === undefined)
    missing.push("add an `accDescr: …` line (what the diagram shows, in a sentence or two)");
  return missing;
}
