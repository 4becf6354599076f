/**
 * The imports the examples make, read the way Node reads them: each .ts file is type-stripped
 * with amaro (Node's own stripper, so `import { type X } from "y"` keeps its empty import of "y"
 * exactly as in Node), then es-module-lexer lists its static and dynamic imports. Each import
 * also says whether its file is loaded by `npm test`/`npm start` through static imports alone,
 * or only behind a dynamic import() (a real-server adapter loaded when its variable is set).
 */
import { readdir, readFile } from "node:fs/promises";
import { join, posix, relative } from "node:path";
import { transformSync } from "amaro";
import { globToRegExp } from "../../container-typescript.ts";
import { nodeArgsOfScript } from "../../script-argv.ts";
import { lexImports } from "../strip/lex-imports.ts";
import { isBareSpecifier } from "./provided-modules.ts";

export interface ExampleImport {
  readonly example: string;
  /** POSIX path inside the example, e.g. `tests/app.test.ts`. */
  readonly file: string;
  readonly specifier: string;
  /** A dynamic `import("…")`: loaded only when that code runs. */
  readonly dynamic: boolean;
  /** True when the stripped statement binds nothing (`import {} from "x"`, `import "x"`). */
  readonly bindsNothing: boolean;
  /** True when `npm test` or `npm start` loads this file through static imports from their entry files. */
  readonly loadedStatically: boolean;
}

type FileImport = Omit<ExampleImport, "example" | "file" | "loadedStatically">;

const SOURCE = /\.(?:[cm]?ts|[cm]?js)$/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Type-strips one file as Node does; JavaScript files are returned as they are. */
export function stripForNode(path: string, source: string): string {
  return /\.[cm]?ts$/.test(path) ? transformSync(source, { mode: "strip-only" }).code : source;
}

/** Every import of one source text: bare ones as ExampleImport fields, relative static ones as resolved paths. */
async function importsOf(path: string, source: string): Promise<{ bare: FileImport[]; relative: string[] }> {
  const code = stripForNode(path, source);
  const imports = await lexImports(code, path);
  const bare: FileImport[] = [];
  const relativeImports: string[] = [];
  for (const entry of imports) {
    if (entry.n === undefined || entry.d === -2) continue;
    if (!isBareSpecifier(entry.n)) {
      if (entry.d === -1) relativeImports.push(posix.normalize(posix.join(posix.dirname(path), entry.n)));
      continue;
    }
    const statement = code.slice(entry.ss, entry.se);
    bare.push({
      specifier: entry.n,
      dynamic: entry.d > -1,
      bindsNothing: /^import\s*(?:\{\s*\}\s*from\s*)?["']/.test(statement),
    });
  }
  return { bare, relative: relativeImports };
}

/** The bare (package or built-in) imports of one source text. */
export async function bareImportsOf(path: string, source: string): Promise<FileImport[]> {
  return (await importsOf(path, source)).bare;
}

/** The files `npm test` and `npm start` run first: the test script's globs and the start script's file. */
function entryFiles(packageJson: string, files: readonly string[]): string[] {
  let scripts: Record<string, string>;
  try {
    scripts = (JSON.parse(packageJson) as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    return [];
  }
  const entries: string[] = [];
  for (const name of ["test", "start"]) {
    const script = scripts[name];
    if (!script) continue;
    let operands: string[];
    try {
      operands = nodeArgsOfScript(script).filter((arg) => !arg.startsWith("-"));
    } catch {
      continue;
    }
    for (const operand of operands) entries.push(...files.filter((file) => globToRegExp(operand).test(file)));
  }
  return entries;
}

/** Every bare import in `src/` and `tests/` of every example under `examplesDir`. */
export async function deriveExampleImports(examplesDir: string): Promise<ExampleImport[]> {
  const examples = (await readdir(examplesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  const found: ExampleImport[] = [];
  for (const example of examples) {
    const root = join(examplesDir, example.name);
    const byFile = new Map<string, Awaited<ReturnType<typeof importsOf>>>();
    for (const folder of ["src", "tests"]) {
      for (const path of await sourceFiles(join(root, folder))) {
        const file = relative(root, path).split("\\").join("/");
        byFile.set(file, await importsOf(file, await readFile(path, "utf8")));
      }
    }
    // Walk the static imports from the entry files: what is left is loaded only behind import().
    const packageJson = await readFile(join(root, "package.json"), "utf8").catch(() => "{}");
    const reached = new Set<string>();
    const queue = entryFiles(packageJson, [...byFile.keys()]);
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (reached.has(file)) continue;
      reached.add(file);
      queue.push(...(byFile.get(file)?.relative ?? []));
    }
    for (const [file, { bare }] of byFile)
      found.push(
        ...bare.map((entry) => ({ example: example.name, file, ...entry, loadedStatically: reached.has(file) })),
      );
  }
  return found;
}
