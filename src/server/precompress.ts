import { readdir, readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
// Text, plus the in-browser runtime's WebAssembly and PGlite's data file: 15 MB that shrink to about 4 MB.
const compressible = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".svg",
  ".json",
  ".xml",
  ".txt",
  ".map",
  ".wasm",
  ".data",
]);
const minimumBytes = 1024;
/**
 * Brotli's best quality costs about ten times quality 9's time for a few percent less; above this size (PGlite's
 * 9 MB .wasm took two minutes at 11) quality 9 keeps the build quick.
 */
const largeBytes = 1024 * 1024;

/** Writes `.br` and `.gz` beside every compressible asset in `dir`, so the server sends compressed bytes without work per request. */
export async function precompressDirectory(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  let count = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !compressible.has(extname(entry.name))) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path);
    if (content.byteLength < minimumBytes) continue;
    const [br, gz] = await Promise.all([
      brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: content.byteLength > largeBytes ? 9 : 11 } }),
      gzipAsync(content, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
    count += 1;
  }
  return count;
}
