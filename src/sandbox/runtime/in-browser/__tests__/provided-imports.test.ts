/**
 * The guard for new examples: every import in an example's src/ and tests/ is one the
 * in-browser runtime provides (a built-in stand-in, a prebundled dependency, a package stand-in,
 * PGlite), or the test names the import and how to add it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveExampleImports, type ExampleImport } from "../build/derive-imports.ts";
import { findUnprovidedImports } from "../build/import-guard.ts";

const EXAMPLES_DIR = new URL("../../../../../examples/", import.meta.url).pathname;

const dependenciesOf = (example: string): ReadonlySet<string> => {
  const manifest = JSON.parse(readFileSync(join(EXAMPLES_DIR, example, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  return new Set(Object.keys(manifest.dependencies ?? {}));
};

const entry = (specifier: string, more: Partial<ExampleImport> = {}): ExampleImport => ({
  example: "layered-service",
  file: "src/main.ts",
  specifier,
  dynamic: false,
  bindsNothing: false,
  loadedStatically: true,
  ...more,
});

describe("imports the in-browser runtime provides", () => {
  it("every example imports only what the in-browser runtime provides", async () => {
    const imports = await deriveExampleImports(EXAMPLES_DIR);
    expect(imports.length).toBeGreaterThan(0);
    const problems = findUnprovidedImports(imports, dependenciesOf).map((problem) => problem.message);
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("names a built-in without a stand-in and says where to add one", () => {
    const [problem] = findUnprovidedImports([entry("node:dgram")], dependenciesOf);
    expect(problem?.message).toMatch(
      /examples\/layered-service\/src\/main\.ts imports "node:dgram": node:dgram has no stand-in/,
    );
    expect(problem?.message).toMatch(/BUILTIN_STAND_INS/);
  });

  it("names a package that is not a dependency and says how to add it to the prebundle", () => {
    const [problem] = findUnprovidedImports([entry("left-pad")], dependenciesOf);
    expect(problem?.message).toMatch(/npm install left-pad -w examples\/layered-service/);
  });

  it("lets node:net load (its functions say what a page cannot do when called)", () => {
    expect(findUnprovidedImports([entry("node:net")], dependenciesOf)).toEqual([]);
  });

  it("accepts a real-server driver only behind a dynamic import, naming its variable otherwise", () => {
    expect(findUnprovidedImports([entry("pg", { dynamic: true })], dependenciesOf)).toEqual([]);
    // Imported statically by an adapter module that only an import() loads: fine as well.
    expect(findUnprovidedImports([entry("pg", { loadedStatically: false })], dependenciesOf)).toEqual([]);
    expect(findUnprovidedImports([entry("pg")], dependenciesOf)[0]?.message).toMatch(/DATABASE_URL/);
  });

  it("reads imports the way Node does: a type-only specifier list still loads its module", async () => {
    const { bareImportsOf } = await import("../build/derive-imports.ts");
    const imports = await bareImportsOf(
      "src/a.ts",
      'import type { Server } from "node:http";\nimport { type AddressInfo } from "node:net";\nconst pg = await import("pg");\n',
    );
    expect(imports).toEqual([
      { specifier: "node:net", dynamic: false, bindsNothing: true },
      { specifier: "pg", dynamic: true, bindsNothing: false },
    ]);
  });
});
