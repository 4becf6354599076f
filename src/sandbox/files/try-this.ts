/** The "Things to try" steps of an example README, as data the sandbox turns into one-click actions. */

/** An HTTP request step, written in the README as a fenced `http` block. */
export interface HttpTryStep {
  readonly kind: "http";
  readonly intro: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly expect: string;
}

/** A command step, written in the README as a fenced `sh` block. */
export interface CommandTryStep {
  readonly kind: "command";
  readonly intro: string;
  readonly commands: readonly string[];
  readonly expect: string;
}

/**
 * A code edit, written in the README as a fenced `diff` block (a unified diff of one file) followed by the
 * command that shows its effect, usually `npm test`. The guide's test suite applies it to a copy of the example.
 */
export interface EditTryStep {
  readonly kind: "edit";
  readonly intro: string;
  /** The file the diff changes, relative to the example root. */
  readonly path: string;
  /** The unified diff as written, `--- a/<path>` / `+++ b/<path>` headers included. */
  readonly patch: string;
  readonly commands: readonly string[];
  readonly expect: string;
}

/** A step with prose only (e.g. "open this file and change that"). */
export interface NoteTryStep {
  readonly kind: "note";
  readonly intro: string;
  readonly expect: string;
}

export type TryStep = HttpTryStep | CommandTryStep | EditTryStep | NoteTryStep;

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const SHELL_LANGS = new Set(["sh", "bash", "shell", "console", "zsh"]);

/** Thrown when a README's "Things to try" section cannot be read; names the file and line. */
export class TryThisFormatError extends Error {
  constructor(source: string, line: number, problem: string) {
    super(`${source}:${line}: ${problem}`);
    this.name = "TryThisFormatError";
  }
}

interface Fence {
  readonly lang: string;
  readonly lines: string[];
  readonly startLine: number;
}

interface RawStep {
  readonly before: string[];
  readonly after: string[];
  readonly fences: Fence[];
}

/** Parses the `## Things to try` section of a README (missing section: no steps). */
export function parseTryThis(readme: string, source = "README.md"): TryStep[] {
  const lines = readme.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+things to try\s*$/i.test(line.trim()));
  if (start === -1) return [];

  const steps: RawStep[] = [];
  let current: RawStep | undefined;
  let fence: { marker: string; indent: number; block: Fence } | undefined;

  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (fence) {
      if (line.trim() === fence.marker) {
        fence = undefined;
      } else {
        fence.block.lines.push(stripIndent(line, fence.indent));
      }
      continue;
    }
    if (/^#{1,2}\s/.test(line)) break;

    const numbered = /^(\d+)[.)]\s+(.*)$/.exec(line);
    if (numbered) {
      current = { before: [numbered[2] ?? ""], after: [], fences: [] };
      steps.push(current);
      continue;
    }
    const opening = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (opening) {
      const block: Fence = { lang: (opening[3] ?? "").toLowerCase(), lines: [], startLine: index + 1 };
      fence = { marker: opening[2] ?? "```", indent: (opening[1] ?? "").length, block };
      current?.fences.push(block);
      continue;
    }
    if (current) (current.fences.length === 0 ? current.before : current.after).push(line.trim());
  }
  if (fence) throw new TryThisFormatError(source, fence.block.startLine, "code block is never closed");

  return steps.map((step) => toTryStep(step, source));
}

function toTryStep(step: RawStep, source: string): TryStep {
  const intro = joinProse(step.before);
  const expect = joinProse(step.after);
  const http = step.fences.find((block) => block.lang === "http");
  if (http) return { kind: "http", intro, expect, ...parseHttpBlock(http, source) };
  const commands = step.fences
    .filter((block) => SHELL_LANGS.has(block.lang))
    .flatMap((block) => block.lines)
    .map((line) => line.trim().replace(/^\$\s+/, ""))
    .filter((line) => line !== "" && !line.startsWith("#"));
  const diff = step.fences.find((block) => block.lang === "diff");
  if (diff) return { kind: "edit", intro, expect, commands, ...parseDiffBlock(diff, source) };
  if (commands.length > 0) return { kind: "command", intro, expect, commands };
  return { kind: "note", intro, expect };
}

function parseHttpBlock(block: Fence, source: string) {
  const lines = [...block.lines];
  while (lines.length > 0 && (lines[0] ?? "").trim() === "") lines.shift();
  const requestLine = /^([A-Z]+)\s+(\/\S*)(?:\s+HTTP\/[\d.]+)?\s*$/.exec((lines.shift() ?? "").trim());
  if (!requestLine || !HTTP_METHODS.has(requestLine[1] ?? "")) {
    throw new TryThisFormatError(
      source,
      block.startLine,
      'an http block must start with "METHOD /path", e.g. "GET /health/live"',
    );
  }
  const headers: Record<string, string> = {};
  while (lines.length > 0 && (lines[0] ?? "").trim() !== "") {
    const header = /^([\w-]+):\s*(.*)$/.exec((lines.shift() ?? "").trim());
    if (!header) throw new TryThisFormatError(source, block.startLine, 'headers must look like "Name: value"');
    headers[header[1] ?? ""] = header[2] ?? "";
  }
  const body = lines.join("\n").trim();
  return { method: requestLine[1] ?? "GET", path: requestLine[2] ?? "/", headers, body };
}

function parseDiffBlock(block: Fence, source: string) {
  const patch = `${block.lines.join("\n").trim()}\n`;
  const target = /^\+\+\+ (?:b\/)?(\S+)/m.exec(patch);
  if (!/^--- /m.test(patch) || !target || !/^@@ /m.test(patch)) {
    throw new TryThisFormatError(
      source,
      block.startLine,
      'a diff block must be a unified diff of one file: "--- a/<path>", "+++ b/<path>", then "@@" hunks',
    );
  }
  return { path: target[1] ?? "", patch };
}

function stripIndent(line: string, indent: number): string {
  let strip = 0;
  while (strip < indent && line[strip] === " ") strip++;
  return line.slice(strip);
}

function joinProse(lines: readonly string[]): string {
  return lines
    .join("\n")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}
