import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listExamples, readExampleBundle, readExampleSummary } from "./example-files.ts";
import { resolveSandboxCard } from "./sandbox-card.ts";

let root: string;

async function put(path: string, contents: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), contents);
}

const manifest = {
  name: "@field-guide/orders",
  description: "An orders API.",
  guide: { title: "Orders, layered", openFirst: "src/main.ts" },
};

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "examples-"));
  await put("orders/package.json", JSON.stringify(manifest));
  await put("orders/src/main.ts", "console.log('hi');\n");
  await put("orders/tests/unit/order.test.ts", "// test\n");
  await put(
    "orders/README.md",
    "# Orders\n\n## Things to try\n\n1. Check it lives:\n\n   ```http\n   GET /health/live\n   ```\n\n   You get 200.\n",
  );
  await put("orders/package-lock.json", "{}");
  await put("orders/node_modules/hono/index.js", "");
  await put("not-an-example/notes.txt", "");
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("listExamples", () => {
  it("lists folders that have a package.json", async () => {
    expect(await listExamples(root)).toEqual(["orders"]);
  });
});

describe("readExampleSummary", () => {
  it("reads title, description and openFirst from package.json, and lists files without installs or lockfiles", async () => {
    expect(await readExampleSummary("orders", root)).toEqual({
      name: "orders",
      title: "Orders, layered",
      description: "An orders API.",
      openFirst: "src/main.ts",
      paths: ["README.md", "package.json", "src/main.ts", "tests/unit/order.test.ts"],
    });
  });

  it("fails with the known example names when the example does not exist", async () => {
    await expect(readExampleSummary("cache-asid", root)).rejects.toThrow(
      /no example named "cache-asid".*Known examples: orders\./,
    );
  });

  it("refuses names that could leave the examples folder", async () => {
    await expect(readExampleSummary("../orders", root)).rejects.toThrow(/no example named/);
  });

  it("fails when guide.openFirst names a file the example does not have", async () => {
    await put("orders/package.json", JSON.stringify({ ...manifest, guide: { openFirst: "src/missing.ts" } }));
    await expect(readExampleSummary("orders", root)).rejects.toThrow(/guide\.openFirst is "src\/missing\.ts"/);
  });

  it("falls back to the folder name and src/main.ts without a guide entry", async () => {
    await put("orders/package.json", JSON.stringify({ name: "x" }));
    const summary = await readExampleSummary("orders", root);
    expect(summary.title).toBe("orders");
    expect(summary.openFirst).toBe("src/main.ts");
  });

  it("names the file when package.json is not JSON", async () => {
    await put("orders/package.json", "{ nope");
    await expect(readExampleSummary("orders", root)).rejects.toThrow(
      /examples\/orders\/package\.json is not valid JSON/,
    );
  });
});

describe("readExampleBundle", () => {
  it("carries every file's contents and the README's steps", async () => {
    const bundle = await readExampleBundle("orders", root);
    expect(Object.keys(bundle.files)).toEqual(["README.md", "package.json", "src/main.ts", "tests/unit/order.test.ts"]);
    expect(bundle.files["src/main.ts"]).toBe("console.log('hi');\n");
    expect(bundle.tryThis).toEqual([
      {
        kind: "http",
        intro: "Check it lives:",
        method: "GET",
        path: "/health/live",
        headers: {},
        body: "",
        expect: "You get 200.",
      },
    ]);
  });
});

describe("resolveSandboxCard", () => {
  it("applies file and title over the example's defaults", async () => {
    const card = await resolveSandboxCard({ example: "orders", file: "README.md", title: "Try it" }, root);
    expect(card).toMatchObject({ openFirst: "README.md", heading: "Try it", summary: { name: "orders" } });
    expect(await resolveSandboxCard({ example: "orders" }, root)).toMatchObject({
      openFirst: "src/main.ts",
      heading: "Orders, layered",
    });
  });

  it("fails the build on a missing example name, a file the example lacks, or an empty title", async () => {
    await expect(resolveSandboxCard({}, root)).rejects.toThrow(/needs an example name/);
    await expect(resolveSandboxCard({ example: "orders", file: "src/app.ts" }, root)).rejects.toThrow(
      /file="src\/app\.ts">: the example has no such file\. Its files: README\.md, package\.json/,
    );
    await expect(resolveSandboxCard({ example: "orders", title: " " }, root)).rejects.toThrow(/title must be/);
  });
});
