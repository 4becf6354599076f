/**
 * Which of an example's imports the in-browser runtime cannot provide, each with what to do.
 * Run by the guard test so a new example (or a new import) cannot silently break the page.
 */
import type { ExampleImport } from "./derive-imports.ts";
import {
  BUILTIN_STAND_INS,
  PACKAGE_STAND_INS,
  PUBLISHED_PACKAGES,
  SERVER_DRIVERS,
  builtinName,
  packageName,
} from "./provided-modules.ts";

const PROVIDED_TABLE = "src/sandbox/runtime/in-browser/build/provided-modules.ts";

export interface ImportProblem {
  readonly example: string;
  readonly file: string;
  readonly specifier: string;
  readonly message: string;
}

/** `dependencies` of each example's package.json, by example name. */
export type DependenciesOf = (example: string) => ReadonlySet<string>;

export function findUnprovidedImports(
  imports: readonly ExampleImport[],
  dependenciesOf: DependenciesOf,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const entry of imports) {
    const where = `examples/${entry.example}/${entry.file}`;
    const problem = (message: string) =>
      problems.push({ ...entry, message: `${where} imports "${entry.specifier}": ${message}` });
    const builtin = builtinName(entry.specifier);
    if (builtin !== undefined) {
      if (!(builtin in BUILTIN_STAND_INS))
        problem(
          `node:${builtin} has no stand-in in the in-browser runtime. Write one in src/sandbox/runtime/in-browser/node/ ` +
            `and list it in BUILTIN_STAND_INS (${PROVIDED_TABLE}), or keep the example off this built-in.`,
        );
      continue;
    }
    const name = packageName(entry.specifier);
    const variable = SERVER_DRIVERS[name];
    if (variable) {
      // A driver imported by a module that only an import() loads (when the variable is set) is fine.
      if (!entry.dynamic && entry.loadedStatically)
        problem(
          `${name} is a real-server driver, which a page cannot use. Load it only through a dynamic import() when ${variable} is set, ` +
            `so the in-browser runtime (where it is never set) keeps the in-process adapter.`,
        );
      continue;
    }
    if (name in PACKAGE_STAND_INS || PUBLISHED_PACKAGES.has(name)) continue;
    if (!dependenciesOf(entry.example).has(name))
      problem(
        `${name} is not in examples/${entry.example}/package.json "dependencies", so the build does not prebundle it for the in-browser runtime. ` +
          `Add it with \`npm install ${name} -w examples/${entry.example}\`: the build derives the prebundle from the examples' imports ` +
          `(a pure JavaScript or WASM package; one that needs Node's sockets needs a stand-in in PACKAGE_STAND_INS, ${PROVIDED_TABLE}).`,
      );
    else if (entry.dynamic)
      problem(
        `a dynamic import() of a package is not prebundled (only static imports are). Import it statically, or list it as a server driver in SERVER_DRIVERS (${PROVIDED_TABLE}).`,
      );
  }
  return problems;
}
