import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const examplesDir = new URL("../../../examples/", import.meta.url).pathname;

/**
 * Files every service example carries a copy of. Examples may not import from each other (each runs
 * alone when its folder is copied), so the dependency-rule check and the Host allow-list are copied,
 * and this test keeps the copies from drifting apart: a fix to one must reach all.
 */
const sharedFiles = [
  "tests/architecture/dependency-checker.ts",
  "tests/architecture/dependency-rule.test.ts",
  // DNS-rebinding protection at the HTTP edge, and its HTTP test.
  "src/presentation/host-allow-list.ts",
  "tests/http/host-allow-list.http.test.ts",
];

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
});
