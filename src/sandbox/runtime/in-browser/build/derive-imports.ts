/**
 * The imports the examples make, read the way Node reads them: each .ts file is type-stripped
 * with amaro (Node's own stripper, so `import { type X } from "y"` keeps its empty import of "y"
 * exactly as in Node), then es-module-lexer lists its static and dynamic imports.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { transformSync } from "amaro";
import { init, parse } from "es-module-lexer";
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
}

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

/** The bare (package or built-in) imports of one source text. */
export async function bareImportsOf(path: string, source: string): Promise<Omit<ExampleImport, "example" | "file">[]> {
  await init;
  const code = stripForNode(path, source);
  const [imports] = parse(code, path);
  return imports
    .filter((entry) => entry.n !== undefined && entry.d !== -2 && isBareSpecifier(entry.n))
    .map((entry) => {
      const statement = code.slice(entry.ss, entry.se);
      return {
        specifier: entry.n!,
        dynamic: entry.d > -1,
        bindsNothing: /^import\s*(?:\{\s*\}\s*from\s*)?["']/.test(statement),
      };
    });
}

/** Every bare import in `src/` and `tests/` of every example under `examplesDir`. */
export async function deriveExampleImports(examplesDir: string): Promise<ExampleImport[]> {
  const examples = (await readdir(examplesDir, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  const found: ExampleImport[] = [];
  for (const example of examples) {
    const root = join(examplesDir, example.name);
    for (const folder of ["src", "tests"]) {
      for (const path of await sourceFiles(join(root, folder))) {
        const file = relative(root, path).split("\\").join("/");
        const imports = await bareImportsOf(file, await readFile(path, "utf8"));
        found.push(...imports.map((entry) => ({ example: example.name, file, ...entry })));
      }
    }
  }
  return found;
}
