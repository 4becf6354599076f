import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { checkDependencyRule, importSpecifiers, type SourceFile } from "./dependency-rule.ts";

const srcDir = join(import.meta.dirname, "../../src");

function readSources(): SourceFile[] {
  return readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts"))
    .map((path) => ({ path: path.split("\\").join("/"), text: readFileSync(join(srcDir, path), "utf8") }));
}

describe("the dependency rule in src/", () => {
  test("every import points inward (domain ← application ← infrastructure/presentation ← main.ts)", () => {
    const files = readSources();
    // Guards against a vacuous pass: the scan must actually see the layers and their imports.
    for (const layer of ["domain/", "application/", "infrastructure/", "presentation/"]) {
      assert.ok(
        files.some((file) => file.path.startsWith(layer)),
        `no files found in src/${layer}`,
      );
    }
    assert.ok(files.flatMap((file) => importSpecifiers(file.text)).length > 20, "suspiciously few imports found");

    const violations = checkDependencyRule(files);
    const report = violations.map((v) => `  ${v.file} imports "${v.specifier}": ${v.rule}`).join("\n");
    assert.deepEqual(violations, [], `The dependency rule is broken:\n${report}`);
  });
});

describe("the dependency-rule checker itself", () => {
  test("finds static, type-only, re-exported, multi-line and dynamic imports, but not commented-out ones", () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "export * from './c.ts';",
      "import {",
      "  d,",
      "  e,",
      "} from './de.ts';",
      "const f = await import('./f.ts');",
      "import './side-effect.ts';",
      "// import { x } from '../infrastructure/x.ts';",
      "/* import { y } from 'pg'; */",
      "const url = 'http://example.com'; // a string with // inside is not a comment",
    ].join("\n");
    assert.deepEqual(importSpecifiers(text).sort(), [
      "./a.ts",
      "./b.ts",
      "./c.ts",
      "./de.ts",
      "./f.ts",
      "./side-effect.ts",
    ]);
  });

  test("reports domain importing infrastructure, naming the file and the rule", () => {
    const violations = checkDependencyRule([
      { path: "domain/order.aggregate.ts", text: "import { db } from '../infrastructure/database.ts';" },
      { path: "infrastructure/database.ts", text: "export const db = {};" },
    ]);
    assert.deepEqual(violations, [
      {
        file: "domain/order.aggregate.ts",
        specifier: "../infrastructure/database.ts",
        rule: "domain must not import infrastructure",
      },
    ]);
  });

  test("reports each kind of violation and accepts a clean tree", () => {
    const violations = checkDependencyRule([
      { path: "domain/money.value-object.ts", text: "import { randomUUID } from 'node:crypto';" },
      { path: "application/place-order.use-case.ts", text: "import { z } from 'zod';" },
      { path: "presentation/app.ts", text: "import { Repo } from '../infrastructure/repo.ts';" },
      { path: "infrastructure/repo.ts", text: "import { createApp } from '../presentation/app.ts';" },
      { path: "application/boot.ts", text: "import { start } from '../main.ts';" },
      { path: "helpers.ts", text: "" },
    ]);
    assert.deepEqual(
      violations.map((v) => `${v.file}: ${v.rule}`),
      [
        "domain/money.value-object.ts: domain imports no packages (not even node: built-ins)",
        "application/place-order.use-case.ts: application imports no packages (not even node: built-ins)",
        "presentation/app.ts: presentation must not import infrastructure",
        "infrastructure/repo.ts: infrastructure must not import presentation",
        "application/boot.ts: nothing imports the composition root (main.ts)",
        "helpers.ts: every file lives in a layer folder or is main.ts",
      ],
    );

    const clean = checkDependencyRule([
      { path: "domain/order.aggregate.ts", text: "import { Money } from './money.value-object.ts';" },
      { path: "application/get-order.use-case.ts", text: "import type { Order } from '../domain/order.aggregate.ts';" },
      {
        path: "infrastructure/repo.ts",
        text: "import type { Port } from '../application/port.ts';\nimport pg from 'pg';",
      },
      { path: "presentation/app.ts", text: "import { Hono } from 'hono';\nimport { x } from '../application/x.ts';" },
      {
        path: "main.ts",
        text: "import { Repo } from './infrastructure/repo.ts';\nimport { createApp } from './presentation/app.ts';",
      },
    ]);
    assert.deepEqual(clean, []);
  });
});
