/**
 * Code blocks that quote an example: a fence titled with the file's path (```ts title="examples/x/src/y.ts") is an
 * excerpt of that file, so the page shows code that the example's tests (and CI's real servers) run.
 */
import type { FencedBlock } from "./markdown-blocks.ts";

/** The quoted file's path (relative to the project root) when the block is titled `examples/…`, else undefined. */
export function quotedExampleFile(block: FencedBlock): string | undefined {
  for (const word of block.meta) {
    const title = /^title=(["'])(examples\/[^"']+)\1$/.exec(word);
    if (title) return title[2];
  }
  return undefined;
}

/** A line the page uses to mark left-out code: `// …`, optionally followed by a note. */
const ELISION = /^\/\/ …/;

/**
 * The block's lines that are not in `file`, in the file's order: an excerpt keeps the file's lines (indentation
 * aside) and their order, and may leave lines out, blank lines and `// …` marks aside. Empty when it is an excerpt.
 */
export function linesNotInFile(excerpt: string, file: string): string[] {
  const fileLines = file.split("\n").map((line) => line.trim());
  const missing: string[] = [];
  let from = 0;
  for (const line of excerpt.split("\n").map((text) => text.trim())) {
    if (line === "" || ELISION.test(line)) continue;
    const at = fileLines.indexOf(line, from);
    if (at === -1) missing.push(line);
    else from = at + 1;
  }
  return missing;
}
