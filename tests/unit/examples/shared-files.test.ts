import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const examplesDir = new URL("../../../examples/", import.meta.url).pathname;

/**
 * Files every service example carries a copy of. Examples may not import from each other (each runs
 * alone when its folder is copied), so the dependency-rule check and the Host allow-list are copied,
 * and this test keeps the copies from drifting apart: a fix to one must reach all. The dependency rule itself
 * is configuration, in each example's own `tests/architecture/dependency-rules.ts`.
 */
const sharedFiles = [
  "tests/architecture/dependency-checker.ts",
  "tests/architecture/dependency-rule.test.ts",
  // DNS-rebinding protection at the HTTP edge, and its HTTP test.
  "src/presentation/host-allow-list.ts",
  "tests/http/host-allow-list.http.test.ts",
];

/** The package the shared check parses imports with: a dependency (not a dev one) so the sandbox has it. */
const IMPORT_LEXER = "es-module-lexer";

const serviceExamples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(examplesDir, entry.name, "src", "main.ts")))
  .map((entry) => entry.name)
  .sort();

describe("files shared by every service example", () => {
  it("finds the service examples", () => {
    expect(serviceExamples.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of sharedFiles) {
    it(`${file} is the same in every example`, () => {
      const copies = serviceExamples.map((example) => ({
        example,
        text: readFileSync(join(examplesDir, example, file), "utf8"),
      }));
      const [reference] = copies;
      const differing = copies.filter((copy) => copy.text !== reference?.text).map((copy) => copy.example);
      expect(differing, `${file} differs from ${reference?.example}'s copy in`).toEqual([]);
    });
  }

  it("each example configures its own dependency rule and depends on the same import lexer", () => {
    const versions = serviceExamples.map((example) => {
      expect(existsSync(join(examplesDir, example, "tests/architecture/dependency-rules.ts")), example).toBe(true);
      const manifest = JSON.parse(readFileSync(join(examplesDir, example, "package.json"), "utf8")) as {
        dependencies?: Record<string, string>;
      };
      return manifest.dependencies?.[IMPORT_LEXER];
    });
    expect(new Set(versions).size, `${IMPORT_LEXER} versions: ${versions.join(", ")}`).toBe(1);
    expect(versions[0]).toBeDefined();
  });

  // Examples that record traces for the sandbox's trace view serialise them with the same exporter, so the
  // sandbox reads one shape (the examples' README, "Traces in the page").
  it("src/infrastructure/tracing/recent-traces.ts is the same in every example that records traces", () => {
    const file = "src/infrastructure/tracing/recent-traces.ts";
    const tracing = serviceExamples.filter((example) => {
      const manifest = JSON.parse(readFileSync(join(examplesDir, example, "package.json"), "utf8")) as {
        guide?: { traces?: string };
      };
      return manifest.guide?.traces !== undefined;
    });
    const copies = serviceExamples
      .filter((example) => tracing.includes(example) || existsSync(join(examplesDir, example, file)))
      .map((example) => ({
        example,
        text: existsSync(join(examplesDir, example, file))
          ? readFileSync(join(examplesDir, example, file), "utf8")
          : "",
      }));
    const [reference] = copies;
    const differing = copies.filter((copy) => copy.text !== reference?.text).map((copy) => copy.example);
    expect(differing, `${file} is missing from or differs from ${reference?.example}'s copy in`).toEqual([]);
  });

  // Not every example talks to a real server; those that do find it the same way (URL from the
  // environment, skipped with the reason when unset, an error under CI=true).
  it("tests/integration/real-server.ts is the same in every example that has one", () => {
    const file = "tests/integration/real-server.ts";
    const copies = serviceExamples
      .filter((example) => existsSync(join(examplesDir, example, file)))
      .map((example) => ({ example, text: readFileSync(join(examplesDir, example, file), "utf8") }));
    expect(copies.length).toBeGreaterThanOrEqual(2);
    const [reference] = copies;
    const differing = copies.filter((copy) => copy.text !== reference?.text).map((copy) => copy.example);
    expect(differing, `${file} differs from ${reference?.example}'s copy in`).toEqual([]);
  });
});
