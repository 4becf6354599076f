/** The build-time snapshot builder on a small fixture install: the right closure per example, pruned, with a manifest. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDependencySnapshots } from "../dependency-snapshot-builder.ts";

let root: string;

async function pkg(dir: string, manifest: object, files: Record<string, string> = { "index.js": "export {};" }) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "package.json"), JSON.stringify(manifest));
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), contents);
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "snapshot-builder-"));
  await pkg(join(root, "examples/shop"), { dependencies: { web: "1", "@scope/db": "1" } }, { "src/main.ts": "" });
  await pkg(join(root, "examples/tiny"), { dependencies: { web: "1" } }, { "src/main.ts": "" });
  await pkg(join(root, "examples/notes"), {}, {});
  await pkg(
    join(root, "node_modules/web"),
    { dependencies: { util: "2" } },
    {
      "index.js": "export {};",
      "index.d.ts": "export {};",
      "index.js.map": "{}",
      "README.md": "# web",
      LICENSE: "MIT",
    },
  );
  // web needs util@2 nested; the hoisted util@1 belongs to nobody here.
  await pkg(join(root, "node_modules/web/node_modules/util"), {});
  await pkg(join(root, "node_modules/util"), {});
  await pkg(join(root, "node_modules/@scope/db"), { dependencies: { wasm: "1" } });
  await pkg(join(root, "node_modules/wasm"), {}, { "db.wasm": "\0asm" });
  await pkg(join(root, "node_modules/amaro"), {});
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("buildDependencySnapshots", () => {
  it("finds hoisted packages when the project root is given with a trailing slash, as Astro's config.root is", async () => {
    const manifest = await buildDependencySnapshots({
      projectRoot: `${root}/`,
      examplesDir: join(root, "examples"),
      outDir: join(root, "dist/_webcontainer"),
      snapshot: async () => new Uint8Array(),
    });
    expect(manifest.examples["tiny"]).toEqual(["web"]);
  });

  it("snapshots each needed package once, pruned of types, maps and docs, and says who needs what", async () => {
    const snapshotted: Record<string, string[]> = {};
    const snapshot = async (folder: string) => {
      const files = (await readdir(folder, { recursive: true })).map(String).sort();
      snapshotted[folder.split("/").pop()!] = files;
      return new TextEncoder().encode(files.join(","));
    };
    const outDir = join(root, "dist/_webcontainer");
    const manifest = await buildDependencySnapshots({
      projectRoot: root,
      examplesDir: join(root, "examples"),
      outDir,
      snapshot,
    });

    expect(manifest.examples).toEqual({ notes: [], shop: ["@scope/db", "wasm", "web"], tiny: ["web"] });
    expect(manifest.support).toEqual(["amaro"]);
    expect(Object.keys(manifest.packages).sort()).toEqual(["@scope/db", "amaro", "wasm", "web"]);
    expect(snapshotted["web.bin"]).toEqual([
      "LICENSE",
      "index.js",
      "node_modules",
      "node_modules/util",
      "node_modules/util/index.js",
      "node_modules/util/package.json",
      "package.json",
    ]);
    expect(manifest.packages["@scope/db"]).toMatchObject({ file: "@scope__db.bin" });
    expect(JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8"))).toEqual(manifest);
    expect((await readdir(outDir)).sort()).toEqual([
      "@scope__db.bin",
      "amaro.bin",
      "manifest.json",
      "wasm.bin",
      "web.bin",
    ]);
  });

  it("warns and carries on when the type-stripping package is not installed", async () => {
    await rm(join(root, "node_modules/amaro"), { recursive: true });
    const warnings: string[] = [];
    const manifest = await buildDependencySnapshots({
      projectRoot: root,
      examplesDir: join(root, "examples"),
      outDir: join(root, "out"),
      snapshot: async () => new Uint8Array(),
      warn: (message) => warnings.push(message),
    });
    expect(manifest.support).toEqual([]);
    expect(warnings.join()).toMatch(/amaro is not installed/);
  });
});
