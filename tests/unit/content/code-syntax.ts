/** Syntax checks for the code blocks of guide pages: Python through `ast.parse`, TypeScript through the compiler. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import ts from "typescript";

/** A syntax error in one snippet: the 1-based line inside the snippet and the parser's message. */
export interface SyntaxProblem {
  readonly line: number;
  readonly message: string;
}

/** A Python interpreter found on this machine. */
export interface Python {
  readonly command: string;
  readonly version: readonly [number, number];
}

/** The guide's Python is 3.12 (PEP 695 generics, the `type` statement), which older parsers reject. */
export const GUIDE_PYTHON: readonly [number, number] = [3, 12];

/** Interpreters worth asking: `CONTENT_PYTHON`, versioned commands on PATH, pyenv's installs, then `python3`. */
function pythonCandidates(): string[] {
  const override = process.env["CONTENT_PYTHON"];
  if (override) return [override];
  const pyenvRoot = process.env["PYENV_ROOT"] ?? join(homedir(), ".pyenv");
  const pyenvVersions = join(pyenvRoot, "versions");
  const pyenvInstalls = existsSync(pyenvVersions)
    ? readdirSync(pyenvVersions).map((version) => join(pyenvVersions, version, "bin", "python3"))
    : [];
  return ["python3.14", "python3.13", "python3.12", ...pyenvInstalls, "python3"];
}

function probe(command: string): Python | undefined {
  const run = spawnSync(command, ["-c", "import sys; print(sys.version_info[0], sys.version_info[1])"], {
    encoding: "utf8",
  });
  if (run.status !== 0) return undefined;
  const [major, minor] = run.stdout.trim().split(" ").map(Number);
  return major !== undefined && minor !== undefined ? { command, version: [major, minor] } : undefined;
}

/** Whether `python` is at least `version`. */
export function isAtLeast(python: Python, version: readonly [number, number]): boolean {
  const [major, minor] = python.version;
  return major > version[0] || (major === version[0] && minor >= version[1]);
}

/** The newest Python on this machine (`CONTENT_PYTHON` wins when set), or undefined when there is none. */
export function findPython(): Python | undefined {
  let newest: Python | undefined;
  for (const command of pythonCandidates()) {
    const found = probe(command);
    if (found && (!newest || !isAtLeast(newest, found.version))) newest = found;
  }
  return newest;
}

const PARSE_ALL = `
import ast, json, sys
problems = []
for source in json.load(sys.stdin):
    try:
        ast.parse(source)
        problems.append(None)
    except (SyntaxError, ValueError) as error:
        problems.append({"line": getattr(error, "lineno", None) or 1, "message": getattr(error, "msg", str(error))})
json.dump(problems, sys.stdout)
`;

/** Parses every snippet with one `python` process; returns, per snippet, its syntax error or undefined. */
export function pythonSyntaxProblems(python: Python, snippets: readonly string[]): (SyntaxProblem | undefined)[] {
  const run = spawnSync(python.command, ["-c", PARSE_ALL], {
    input: JSON.stringify(snippets),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`${python.command} failed to run the syntax check: ${run.stderr || run.error?.message}`);
  }
  const results = JSON.parse(run.stdout) as (SyntaxProblem | null)[];
  return results.map((result) => result ?? undefined);
}

/** Syntax errors the TypeScript compiler reports for `snippet` (empty when it parses). */
export function typescriptSyntaxProblems(snippet: string): SyntaxProblem[] {
  // transpileModule reports the parser's (syntactic) diagnostics only, which is what a page snippet can promise.
  const { diagnostics = [] } = ts.transpileModule(snippet, {
    fileName: "snippet.ts",
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext },
  });
  return diagnostics.map((diagnostic) => {
    const position =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 1;
    return { line: position, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n") };
  });
}
