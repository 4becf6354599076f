/** Syntax checks for the code blocks of guide pages: Python through `ast.parse`, TypeScript through the compiler. */
import { spawnSync } from "node:child_process";
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

// Newest first: pages may use 3.12 syntax (PEP 695 generics), which an older python3 cannot parse.
const PYTHON_CANDIDATES = ["python3.13", "python3.12", "python3"];

/** The newest usable Python (`CONTENT_PYTHON` wins when set), or undefined when there is none. */
export function findPython(): Python | undefined {
  const override = process.env["CONTENT_PYTHON"];
  for (const command of override ? [override] : PYTHON_CANDIDATES) {
    const probe = spawnSync(command, ["-c", "import sys; print(sys.version_info[0], sys.version_info[1])"], {
      encoding: "utf8",
    });
    if (probe.status !== 0) continue;
    const [major, minor] = probe.stdout.trim().split(" ").map(Number);
    if (major !== undefined && minor !== undefined) return { command, version: [major, minor] };
  }
  return undefined;
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
