import { createHash } from "node:crypto";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** What a build of the guide is made from; a change to any of these makes the build stale. */
export const buildInputs = [
  "astro.config.mjs",
  "package.json",
  "tsconfig.json",
  "src",
  "content",
  "examples",
  "public",
];

const stampFile = ".guide-build.json";
const skippedDirs = new Set(["node_modules", ".astro", "dist"]);

/** Fingerprint of the build inputs: paths, sizes and modification times, hashed. */
export async function fingerprintInputs(root: string, inputs: readonly string[] = buildInputs): Promise<string> {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const input of inputs) files.push(...(await listFiles(root, join(root, input))));
  for (const file of files.sort()) {
    const info = await stat(join(root, file));
    hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

async function listFiles(root: string, path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [relative(root, path).split(sep).join("/")];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((entry) => !skippedDirs.has(entry.name)).map((entry) => listFiles(root, join(path, entry.name))),
  );
  return nested.flat();
}

/** True when `distDir` holds a build made from exactly these inputs. */
export async function isBuildFresh(distDir: string, fingerprint: string): Promise<boolean> {
  const stamp = await readFile(join(distDir, stampFile), "utf8").catch(() => null);
  if (!stamp) return false;
  try {
    return (JSON.parse(stamp) as { fingerprint?: unknown }).fingerprint === fingerprint;
  } catch {
    return false;
  }
}

/** Records which inputs the build in `distDir` was made from. */
export async function writeBuildStamp(distDir: string, fingerprint: string): Promise<void> {
  await writeFile(join(distDir, stampFile), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
}
