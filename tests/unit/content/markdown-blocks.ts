/** Fenced code blocks of a Markdown or MDX page, found the way CommonMark and MDX find them. */

/** One fenced code block: its language, meta words, code (fence indentation removed) and where it sits. */
export interface FencedBlock {
  /** First word of the info string, lower-cased ("" when the fence has none). */
  readonly lang: string;
  /** The rest of the info string split into words; quoted values stay whole (`title="a b.py"`). */
  readonly meta: readonly string[];
  /** The block's content with the opening fence's indentation removed from every line. */
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** 1-based line of the closing fence. */
  readonly endLine: number;
}

/** Thrown for a fence that is opened and never closed; names the line it opened on. */
export class UnclosedFenceError extends Error {
  readonly line: number;

  constructor(line: number) {
    super(`line ${line}: code fence is never closed`);
    this.name = "UnclosedFenceError";
    this.line = line;
  }
}

// Any indentation is allowed: inside JSX (e.g. <TabItem>) MDX fences are indented, and MDX has no indented code blocks.
const OPENING_FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const META_WORD = /[^\s=]+=(?:"[^"]*"|'[^']*'|\S+)|"[^"]*"|'[^']*'|\S+/g;

/** Every fenced code block of `source`, in order. */
export function fencedBlocks(source: string): FencedBlock[] {
  const lines = source.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING_FENCE.exec(lines[index] ?? "");
    if (!opening) continue;
    const [, indent = "", marker = "", info = ""] = opening;
    // A backtick fence's info string may not contain a backtick (that is inline code, not a fence).
    if (marker.startsWith("`") && info.includes("`")) continue;

    const closeAt = findClosingFence(lines, index + 1, marker);
    if (closeAt === -1) throw new UnclosedFenceError(index + 1);
    const [lang = "", ...meta] = info.trim().match(META_WORD) ?? [];
    blocks.push({
      lang: lang.toLowerCase(),
      meta,
      code: lines
        .slice(index + 1, closeAt)
        .map((line) => removeIndent(line, indent.length))
        .join("\n"),
      line: index + 1,
      endLine: closeAt + 1,
    });
    index = closeAt;
  }
  return blocks;
}

/** `source` with every fenced block's lines blanked, so prose checks never match code; line numbers are kept. */
export function withoutFencedBlocks(source: string): string {
  const lines = source.split(/\r?\n/);
  for (const block of fencedBlocks(source)) {
    for (let line = block.line; line <= block.endLine; line++) lines[line - 1] = "";
  }
  return lines.join("\n");
}

/** Whether the block's meta carries the bare word `word` (e.g. `partial` in ```python partial). */
export function hasMetaWord(block: FencedBlock, word: string): boolean {
  return block.meta.includes(word);
}

function findClosingFence(lines: readonly string[], from: number, marker: string): number {
  const char = marker[0] ?? "`";
  for (let index = from; index < lines.length; index++) {
    const trimmed = (lines[index] ?? "").trim();
    // A closing fence is the same character, at least as long as the opening one, and nothing else.
    if (trimmed.length >= marker.length && [...trimmed].every((c) => c === char)) return index;
  }
  return -1;
}

function removeIndent(line: string, width: number): string {
  let removed = 0;
  while (removed < width && (line[removed] === " " || line[removed] === "\t")) removed++;
  return line.slice(removed);
}
