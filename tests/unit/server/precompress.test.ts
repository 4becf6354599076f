/** Precompression: every compressible asset gets .br and .gz twins that decode to it; images and tiny files do not. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { precompressDirectory } from "../../../src/server/precompress.ts";

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("precompressDirectory", () => {
  it("compresses pages, scripts and the in-browser runtime's WebAssembly and data files, and nothing else", async () => {
    dir = await mkdtemp(join(tmpdir(), "precompress-"));
    const big = Buffer.from("select 1;\n".repeat(400));
    for (const name of ["page.html", "app.js", "pglite.wasm", "pglite.data", "photo.png"]) {
      await writeFile(join(dir, name), big);
    }
    await writeFile(join(dir, "tiny.js"), "export {};");

    expect(await precompressDirectory(dir)).toBe(4);
    for (const name of ["page.html", "app.js", "pglite.wasm", "pglite.data"]) {
      expect(brotliDecompressSync(await readFile(join(dir, `${name}.br`)))).toEqual(big);
      expect(gunzipSync(await readFile(join(dir, `${name}.gz`)))).toEqual(big);
    }
    await expect(readFile(join(dir, "photo.png.br"))).rejects.toThrow(/ENOENT/);
    await expect(readFile(join(dir, "tiny.js.br"))).rejects.toThrow(/ENOENT/);
  });
});
