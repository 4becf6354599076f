/** Reads an example folder at build time into the data the sandbox card and the sandbox itself use. */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseTryThis, type TryStep } from "./try-this.ts";

/** What the static card shows: no file contents. */
export interface ExampleSummary {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly openFirst: string;
  readonly paths: readonly string[];
}

/** Everything the opened sandbox needs, served as `/sandbox/<name>.json`. */
export interface ExampleBundle {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly openFirst: string;
  readonly files: Readonly<Record<string, string>>;
  readonly tryThis: readonly TryStep[];
}

/** Files that belong to an install, not to the example a reader edits. */
const SKIPPED_NAMES = new Set([
  "node_modules",
  ".git",
  "dist",
  ".DS_Store",
  "package-lock.json",
  "npm-shrinkwrap.json",
  "pnpm-lock.yaml",
  "yarn.lock",
  "bun.lockb",
  "bun.lock",
]);

const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The examples folder of the project being built (Astro and the tests run from the project root). */
export function defaultExamplesRoot(): string {
  return resolve(process.cwd(), "examples");
}

/** Names of every example folder (those with a package.json), sorted. */
export async function listExamples(root: string = defaultExamplesRoot()): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !EXAMPLE_NAME.test(entry.name)) continue;
    if (await isFile(join(root, entry.name, "package.json"))) names.push(entry.name);
  }
  return names.sort();
}

/** The card's data for one example; throws a message naming the known examples when it does not exist. */
export async function readExampleSummary(name: string, root: string = defaultExamplesRoot()): Promise<ExampleSummary> {
  const dir = await requireExampleDir(name, root);
  const paths = await listFiles(dir);
  const manifest = await readManifest(dir, name);
  return { name, ...describe(manifest, name, paths), paths };
}

/** The whole example (file contents and README steps), for the sandbox's file-map endpoint. */
export async function readExampleBundle(name: string, root: string = defaultExamplesRoot()): Promise<ExampleBundle> {
  const dir = await requireExampleDir(name, root);
  const paths = await listFiles(dir);
  const files: Record<string, string> = {};
  for (const path of paths) files[path] = await readFile(join(dir, path), "utf8");
  const manifest = await readManifest(dir, name);
  const readme = files["README.md"];
  const tryThis = readme === undefined ? [] : parseTryThis(readme, `examples/${name}/README.md`);
  return { name, ...describe(manifest, name, paths), files, tryThis };
}

interface Manifest {
  readonly description?: unknown;
  readonly guide?: { readonly title?: unknown; readonly openFirst?: unknown };
}

function describe(manifest: Manifest, name: string, paths: readonly string[]) {
  const title = typeof manifest.guide?.title === "string" ? manifest.guide.title : name;
  const description = typeof manifest.description === "string" ? manifest.description : "";
  const openFirst = typeof manifest.guide?.openFirst === "string" ? manifest.guide.openFirst : defaultOpenFirst(paths);
  if (!paths.includes(openFirst)) {
    throw new Error(
      `examples/${name}/package.json: guide.openFirst is "${openFirst}", which is not a file of the example.`,
    );
  }
  return { title, description, openFirst };
}

/** Without `guide.openFirst`, the composition root is where a reader starts, else the README. */
function defaultOpenFirst(paths: readonly string[]): string {
  return ["src/main.ts", "README.md", "package.json"].find((path) => paths.includes(path)) ?? paths[0] ?? "";
}

async function requireExampleDir(name: string, root: string): Promise<string> {
  const dir = join(root, name);
  if (EXAMPLE_NAME.test(name) && (await isFile(join(dir, "package.json")))) return dir;
  const known = await listExamples(root).catch(() => []);
  throw new Error(
    `<Sandbox example="${name}">: there is no example named "${name}" in ${root}. ` +
      `Known examples: ${known.length > 0 ? known.join(", ") : "(none)"}.`,
  );
}

async function readManifest(dir: string, name: string): Promise<Manifest> {
  const text = await readFile(join(dir, "package.json"), "utf8");
  try {
    return JSON.parse(text) as Manifest;
  } catch (error) {
    throw new Error(`examples/${name}/package.json is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Every file below `dir` as a sorted POSIX path, skipping installs and lockfiles. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    if (SKIPPED_NAMES.has(entry.name)) continue;
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) paths.push(...(await listFiles(dir, path)));
    else if (entry.isFile()) paths.push(path);
  }
  return paths.sort();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
