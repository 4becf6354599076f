/**
 * Build time: one `@webcontainer/snapshot` binary per package the examples need at run time
 * (their production dependency closure, from the project's own install), plus a manifest
 * saying which example needs which. The page fetches only what the example it runs needs.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { snapshot as webContainerSnapshot } from "@webcontainer/snapshot";
import type { DependencyManifest } from "./dependency-snapshots.ts";

/** Turns a folder into a WebContainer binary snapshot (the signature of `@webcontainer/snapshot`'s `snapshot`). */
export type SnapshotFolder = (folder: string) => Promise<Uint8Array>;

export interface SnapshotBuildOptions {
  readonly projectRoot: string;
  readonly examplesDir: string;
  readonly outDir: string;
  readonly snapshot?: SnapshotFolder;
  /** Packages every example gets (the type-stripping hook's amaro); skipped with a warning when not installed. */
  readonly supportPackages?: readonly string[];
  readonly warn?: (message: string) => void;
}

// Not needed to run code: TypeScript sources and declarations (Node never strips types inside node_modules),
// source maps and docs make up much of a package's size.
const SKIPPED_FILE = /\.(?:[cm]?ts|map|md|markdown)$/i;

interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readPackageJson(dir: string): Promise<PackageJson> {
  return JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as PackageJson;
}

/** The folder Node would load `name` from when required from `fromDir`, walking up to the project root. */
async function resolvePackageDir(name: string, fromDir: string, projectRoot: string): Promise<string | undefined> {
  // resolve() drops a trailing slash, so the walk below can stop exactly at the root.
  const root = resolve(projectRoot);
  let dir = resolve(fromDir);
  while (dir.startsWith(root)) {
    const candidate = join(dir, "node_modules", name);
    if (await exists(join(candidate, "package.json"))) return candidate;
    if (dir === root) break;
    dir = dirname(dir);
  }
  return undefined;
}

/** Hoisted packages (name → folder) an example needs at run time; nested ones travel inside their parent's folder. */
async function productionClosure(exampleDir: string, projectRoot: string): Promise<Map<string, string>> {
  const hoisted = join(projectRoot, "node_modules");
  const found = new Map<string, string>();
  const visit = async (fromDir: string, manifest: PackageJson) => {
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
    for (const name of names) {
      const dir = await resolvePackageDir(name, fromDir, projectRoot);
      if (!dir || [...found.values()].includes(dir)) continue;
      if (dirname(name.startsWith("@") ? dirname(dir) : dir) === hoisted) found.set(name, dir);
      await visit(dir, await readPackageJson(dir));
    }
  };
  await visit(exampleDir, await readPackageJson(exampleDir));
  return found;
}

/** Snapshot file name for a package: scoped names flattened so every file sits in one folder. */
export function snapshotFileName(name: string): string {
  return `${name.replace("/", "__")}.bin`;
}

/** Builds the snapshots and manifest.json into outDir; returns the manifest. */
export async function buildDependencySnapshots(options: SnapshotBuildOptions): Promise<DependencyManifest> {
  // Imported statically: by the time astro:build:done runs, Vite can no longer load modules for the config.
  const snapshot = options.snapshot ?? webContainerSnapshot;
  const warn = options.warn ?? console.warn;
  const examples: Record<string, string[]> = {};
  const packageDirs = new Map<string, string>();

  for (const entry of await readdir(options.examplesDir, { withFileTypes: true })) {
    const exampleDir = join(options.examplesDir, entry.name);
    if (!entry.isDirectory() || !(await exists(join(exampleDir, "package.json")))) continue;
    const closure = await productionClosure(exampleDir, options.projectRoot);
    examples[entry.name] = [...closure.keys()].sort();
    for (const [name, dir] of closure) packageDirs.set(name, dir);
  }

  const support: string[] = [];
  for (const name of options.supportPackages ?? ["amaro"]) {
    const dir = await resolvePackageDir(name, options.projectRoot, options.projectRoot);
    if (!dir) {
      warn(
        `[webcontainer snapshots] ${name} is not installed; a container whose Node cannot strip types will fail to run .ts files.`,
      );
      continue;
    }
    support.push(name);
    packageDirs.set(name, dir);
  }

  await mkdir(options.outDir, { recursive: true });
  const staging = await mkdtemp(join(tmpdir(), "webcontainer-snapshot-"));
  const packages: Record<string, { file: string; bytes: number }> = {};
  try {
    for (const [name, dir] of [...packageDirs].sort(([a], [b]) => a.localeCompare(b))) {
      const stage = join(staging, snapshotFileName(name));
      await cp(dir, stage, { recursive: true, filter: (source) => !SKIPPED_FILE.test(basename(source)) });
      const bytes = await snapshot(stage);
      const file = snapshotFileName(name);
      await writeFile(join(options.outDir, file), bytes);
      packages[name] = { file, bytes: bytes.byteLength };
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  const manifest: DependencyManifest = { packages, examples, support };
  await writeFile(join(options.outDir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return manifest;
}
