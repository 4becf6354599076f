import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { findViolations, importsOf, type DependencyRules } from "./dependency-checker.ts";
import { dependencyRules } from "./dependency-rules.ts";

const exampleRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Every source file under src/, keyed by its path relative to the example root. */
async function readSources(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const paths = await readdir(`${exampleRoot}src`, { recursive: true });
  for (const path of paths.sort()) {
    if (!/\.(?:ts|mts|cts|js|mjs|cjs)$/.test(path)) continue;
    files.set(`src/${path.split("\\").join("/")}`, await readFile(`${exampleRoot}src/${path}`, "utf8"));
  }
  return files;
}

/** The messages for a set of in-memory files, under this example's rules. */
async function messages(files: Record<string, string>, rules: DependencyRules = dependencyRules) {
  return (await findViolations(new Map(Object.entries(files)), rules)).map((violation) => violation.message);
}

describe("the dependency rule", () => {
  it("holds for every file in src/", async () => {
    const files = await readSources();
    for (const layer of ["domain", "application", "infrastructure", "presentation"]) {
      assert.ok(
        [...files.keys()].some((path) => path.startsWith(`src/${layer}/`)),
        `no files found in src/${layer}`,
      );
    }
    const violations = await findViolations(files, dependencyRules);
    assert.equal(violations.length, 0, `\n${violations.map((violation) => violation.message).join("\n")}`);
  });
});

describe("the dependency checker", () => {
  it("catches the domain importing infrastructure, naming the file, the import and the rule", async () => {
    assert.deepEqual(
      await messages({
        "src/domain/order.entity.ts": 'import { db } from "../infrastructure/database.ts";\nexport const x = db;',
        "src/infrastructure/database.ts": "export const db = {};",
      }),
      [
        'src/domain/order.entity.ts imports "../infrastructure/database.ts" (infrastructure): domain may import only domain',
      ],
    );
  });

  it("catches packages and built-ins in the inner layers, and allows them in the outer ones", async () => {
    const violations = await findViolations(
      new Map([
        ["src/domain/order.entity.ts", 'import { randomUUID } from "node:crypto";'],
        ["src/application/create-order.use-case.ts", 'import { z } from "zod";'],
        ["src/presentation/order.schemas.ts", 'import { z } from "zod";'],
        ["src/infrastructure/system-clock.ts", 'import { setTimeout } from "node:timers/promises";'],
      ]),
      dependencyRules,
    );
    assert.deepEqual(
      violations.map((violation) => violation.file),
      ["src/domain/order.entity.ts", "src/application/create-order.use-case.ts"],
    );
  });

  it("keeps presentation and infrastructure apart, and the composition root out of every layer", async () => {
    const violations = await findViolations(
      new Map([
        ["src/presentation/app.ts", 'import type { Repo } from "../infrastructure/repo.ts";'],
        ["src/infrastructure/repo.ts", 'export * from "../presentation/app.ts";'],
        ["src/application/use-case.ts", 'const main = await import("../main.ts");'],
        ["src/main.ts", 'import "./infrastructure/repo.ts";\nimport { createApp } from "./presentation/app.ts";'],
      ]),
      dependencyRules,
    );
    assert.deepEqual(
      violations.map((violation) => violation.file),
      ["src/presentation/app.ts", "src/infrastructure/repo.ts", "src/application/use-case.ts"],
    );
  });

  it("rejects files outside the layers and dynamic imports it cannot read", async () => {
    const found = await messages({
      "src/shared/helpers.ts": "export const x = 1;",
      "src/application/load.ts": "const name = 'x';\nawait import(`../infrastructure/${name}.ts`);",
    });
    assert.equal(found.length, 2);
    assert.match(found[0] ?? "", /src\/shared\/helpers\.ts is in no layer/);
    assert.match(found[1] ?? "", /computed specifier/);
  });

  it("reads TypeScript as written: type-only imports count, comments and strings do not", async () => {
    const source = [
      '// import { db } from "../infrastructure/database.ts";',
      "const text = 'import x from \"../infrastructure/database.ts\"';",
      "const quote = /[\"']/; import type { B } from './b.ts';",
      "export function f<T extends { a: string }>(value: T): value is T { return value.a.length > 1 / 2; }",
      'import {\n  a,\n  type C,\n} from "./a.ts";',
      'export { d } from "./d.ts";\nimport "./e.ts";\nconst g = import.meta.url;',
    ].join("\n");
    assert.deepEqual(
      (await importsOf(source)).map((entry) => [entry.specifier, entry.typeOnly]),
      [
        ["./b.ts", true],
        ["./a.ts", false],
        ["./d.ts", false],
        ["./e.ts", false],
      ],
    );
  });

  it("takes its rule from configuration: a stricter rule finds what this one allows", async () => {
    const strict: DependencyRules = {
      ...dependencyRules,
      presentation: { mayImport: ["application"], packages: true },
    };
    const files = { "src/presentation/view.ts": 'import type { Order } from "../domain/order.ts";' };
    assert.deepEqual(await messages(files), []);
    assert.deepEqual(await messages(files, strict), [
      'src/presentation/view.ts imports "../domain/order.ts" (domain): presentation may import only application',
    ]);
  });
});
