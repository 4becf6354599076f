import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contentPages, firstPageOfEachExample, pagePath } from "./embedded-sandboxes.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "content-"));
  await mkdir(join(dir, "patterns"), { recursive: true });
  await writeFile(join(dir, "index.mdx"), "# Home\n");
  await writeFile(
    join(dir, "patterns/caching.mdx"),
    '<Sandbox example="cache-aside" />\n<Sandbox title="x" example="layered-service" file="src/main.ts" />\n',
  );
  await writeFile(join(dir, "patterns/layers.mdx"), "<Sandbox\n  example='layered-service'\n/>\n");
  await writeFile(join(dir, "patterns/_draft.mdx"), '<Sandbox example="domain-model" />\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("contentPages", () => {
  it("lists pages with the examples they embed, skipping underscore drafts", () => {
    expect(contentPages(dir)).toEqual([
      { path: "/", examples: [] },
      { path: "/patterns/caching/", examples: ["cache-aside", "layered-service"] },
      { path: "/patterns/layers/", examples: ["layered-service"] },
    ]);
  });

  it("finds the first page of each example", () => {
    expect(firstPageOfEachExample(contentPages(dir))).toEqual(
      new Map([
        ["cache-aside", "/patterns/caching/"],
        ["layered-service", "/patterns/caching/"],
      ]),
    );
  });
});

describe("pagePath", () => {
  it("maps files to Starlight URLs", () => {
    expect(pagePath("start-here/overview.mdx")).toBe("/start-here/overview/");
    expect(pagePath("guides/index.md")).toBe("/guides/");
    expect(pagePath("index.mdx")).toBe("/");
  });
});
