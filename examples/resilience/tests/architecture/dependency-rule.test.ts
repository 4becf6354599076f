import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { findViolations, importSpecifiers } from "./dependency-checker.ts";

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

describe("the dependency rule", () => {
  it("holds for every file in src/", async () => {
    const files = await readSources();
    for (const layer of ["domain", "application", "infrastructure", "presentation"]) {
      assert.ok(
        [...files.keys()].some((path) => path.startsWith(`src/${layer}/`)),
        `no files found in src/${layer}`,
      );
    }
    const violations = findViolations(files);
    assert.equal(violations.length, 0, `\n${violations.map((violation) => violation.message).join("\n")}`);
  });
});

describe("the dependency checker", () => {
  it("catches the domain importing infrastructure, naming the file and the rule", () => {
    const violations = findViolations(
      new Map([
        ["src/domain/order.entity.ts", 'import { db } from "../infrastructure/database.ts";\nexport const x = db;'],
        ["src/infrastructure/database.ts", "export const db = {};"],
      ]),
    );
    assert.deepEqual(
      violations.map((violation) => violation.message),
      [
        'src/domain/order.entity.ts imports "../infrastructure/database.ts" (infrastructure): domain may import only domain',
      ],
    );
  });

  it("catches packages and built-ins in the inner layers, and allows them in the outer ones", () => {
    const violations = findViolations(
      new Map([
        ["src/domain/order.entity.ts", 'import { randomUUID } from "node:crypto";'],
        ["src/application/create-order.use-case.ts", 'import { z } from "zod";'],
        ["src/presentation/order.schemas.ts", 'import { z } from "zod";'],
        ["src/infrastructure/system-clock.ts", 'import { setTimeout } from "node:timers/promises";'],
      ]),
    );
    assert.deepEqual(
      violations.map((violation) => violation.file),
      ["src/domain/order.entity.ts", "src/application/create-order.use-case.ts"],
    );
  });

  it("keeps presentation and infrastructure apart, and the composition root out of every layer", () => {
    const violations = findViolations(
      new Map([
        ["src/presentation/app.ts", 'import type { Repo } from "../infrastructure/repo.ts";'],
        ["src/infrastructure/repo.ts", 'export * from "../presentation/app.ts";'],
        ["src/application/use-case.ts", 'const main = await import("../main.ts");'],
        ["src/main.ts", 'import "./infrastructure/repo.ts";\nimport { createApp } from "./presentation/app.ts";'],
      ]),
    );
    assert.deepEqual(
      violations.map((violation) => violation.file),
      ["src/presentation/app.ts", "src/infrastructure/repo.ts", "src/application/use-case.ts"],
    );
  });

  it("rejects files outside the layers and dynamic imports it cannot read", () => {
    const violations = findViolations(
      new Map([
        ["src/shared/helpers.ts", "export const x = 1;"],
        ["src/application/load.ts", "const name = 'x';\nawait import(`../infrastructure/${name}.ts`);"],
      ]),
    );
    assert.equal(violations.length, 2);
    assert.match(violations[0]?.message ?? "", /src\/shared\/helpers\.ts is in no layer/);
    assert.match(violations[1]?.message ?? "", /computed specifier/);
  });

  it("ignores imports inside comments, strings and regular expressions", () => {
    const source = [
      '// import { db } from "../infrastructure/database.ts";',
      '/* export * from "../infrastructure/database.ts"; */',
      "const text = 'import x from \"../infrastructure/database.ts\"';",
      'const url = "http://example.com/a"; import { a } from "./a.ts";',
      "const quote = /[\"']/; import type { B } from './b.ts';",
    ].join("\n");
    assert.deepEqual(importSpecifiers(source), { specifiers: ["./a.ts", "./b.ts"], computed: 0 });
  });

  it("finds multi-line, type-only, re-exported and dynamic imports", () => {
    const source = [
      "import {",
      "  a,",
      "  type B,",
      '} from "./a.ts";',
      'import type { C } from "./c.ts";',
      'export { d } from "./d.ts";',
      'import "./e.ts";',
      'const f = await import("./f.ts");',
      "const g = import.meta.url;",
    ].join("\n");
    assert.deepEqual(importSpecifiers(source).specifiers.sort(), ["./a.ts", "./c.ts", "./d.ts", "./e.ts", "./f.ts"]);
  });
});
