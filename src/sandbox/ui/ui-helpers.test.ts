import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { zipExample } from "./example-zip.ts";
import { ancestorFolders, buildFileTree } from "./file-tree-model.ts";
import { formatBody, parseHeaderLines } from "./response-format.ts";
import { stackBlitzForm } from "./stackblitz-project.ts";
import { readTestSummary } from "./test-summary.ts";

describe("zipExample", () => {
  it("puts every file, edits included, under a folder named after the example", () => {
    const zip = zipExample("orders", { "package.json": "{}", "src/main.ts": "edited();\n" });
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(["orders/package.json", "orders/src/main.ts"]);
    expect(strFromU8(entries["orders/src/main.ts"] ?? new Uint8Array())).toBe("edited();\n");
  });
});

describe("stackBlitzForm", () => {
  it("posts the node template, title, description and one field per file, opening the chosen file", () => {
    const form = stackBlitzForm({
      title: "Orders",
      description: "An API",
      files: { "src/main.ts": "x" },
      openFile: "src/main.ts",
    });
    expect(form.action).toBe("https://stackblitz.com/run?file=src%2Fmain.ts");
    expect(form.fields).toEqual([
      ["project[title]", "Orders"],
      ["project[description]", "An API"],
      ["project[template]", "node"],
      ["project[files][src/main.ts]", "x"],
    ]);
  });
});

describe("buildFileTree", () => {
  it("nests folders before files at every level", () => {
    const tree = buildFileTree(["README.md", "src/main.ts", "src/domain/order.entity.ts", "package.json"]);
    expect(tree.map((node) => node.name)).toEqual(["src", "package.json", "README.md"]);
    const src = tree[0];
    expect(src?.kind === "folder" && src.children.map((node) => node.path)).toEqual(["src/domain", "src/main.ts"]);
    expect(ancestorFolders("src/domain/order.entity.ts")).toEqual(["src", "src/domain"]);
  });
});

describe("formatBody", () => {
  it("indents JSON and problem+json, leaves text and broken JSON as sent", () => {
    expect(formatBody('{"a":1}', "application/json")).toBe('{\n  "a": 1\n}');
    expect(formatBody('{"status":404}', "application/problem+json")).toBe('{\n  "status": 404\n}');
    expect(formatBody("hello", "text/plain")).toBe("hello");
    expect(formatBody("{oops", "application/json")).toBe("{oops");
  });
});

describe("parseHeaderLines", () => {
  it("reads Name: value lines and names the first bad one", () => {
    expect(parseHeaderLines("Content-Type: application/json\n\nX-Id: 1")).toEqual({
      headers: { "Content-Type": "application/json", "X-Id": "1" },
    });
    expect(parseHeaderLines("Content-Type application/json")).toEqual({
      error: 'Header line 1 must look like "Name: value".',
    });
  });
});

describe("readTestSummary", () => {
  it("reads node:test's last summary, coloured or not, in spec or TAP form", () => {
    const esc = String.fromCharCode(27);
    expect(
      readTestSummary(`${esc}[34mℹ tests 5${esc}[39m\n${esc}[34mℹ pass 4${esc}[39m\n${esc}[34mℹ fail 1${esc}[39m\n`),
    ).toEqual({
      tests: 5,
      passed: 4,
      failed: 1,
    });
    expect(readTestSummary("# tests 2\n# pass 2\n# fail 0\n")).toEqual({ tests: 2, passed: 2, failed: 0 });
    expect(readTestSummary("SyntaxError: Unexpected token\n")).toBeUndefined();
  });
});
