/**
 * A fresh temporary directory per run holding the reader's files, with `node_modules` linked to
 * the project's own install so no run copies or downloads dependencies.
 */
import { constants } from "node:fs";
import { chmod, mkdir, mkdtemp, open, readdir, realpath, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import type { RunnerLimits } from "./limits.ts";
import { processAlive } from "./process-liveness.ts";
import { RunnerProblem } from "./problem.ts";

/**
 * Prefix of every run directory under the OS temp dir, so leftovers are easy to find. The guide
 * process's pid follows it (`field-guide-run-<pid>-XXXXXX`): a folder whose owner is gone is a
 * leftover, one whose owner runs belongs to a live guide (several may run on one machine).
 */
export const RUN_DIR_PREFIX = "field-guide-run-";

const MAX_PATH_LENGTH = 240;
/** NAME_MAX on Linux and macOS: one path segment, in UTF-8 bytes. */
const MAX_SEGMENT_BYTES = 255;

/** Refuses a file path that could escape the run directory or touch dependencies. */
export function assertSafeRelativePath(path: string): void {
  const refuse = (why: string): never => {
    throw new RunnerProblem(400, "unsafe-path", "Unsafe file path", `The file path ${JSON.stringify(path)} ${why}.`);
  };
  if (path.length === 0) refuse("is empty");
  if (path.length > MAX_PATH_LENGTH) refuse(`is longer than ${MAX_PATH_LENGTH} characters`);
  if (path.includes("\0")) refuse("contains a NUL character");
  if (path.includes("\\")) refuse("contains a backslash; use forward slashes");
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) refuse("is absolute; paths are relative to the example");
  const segments = path.split("/");
  if (segments.some((segment) => segment === "")) refuse("has an empty segment");
  if (segments.some((segment) => segment === "." || segment === "..")) refuse("contains . or .. segments");
  if (segments.includes("node_modules")) refuse("points into node_modules, which comes from the project's install");
  // node reads a file name starting with "-" as an option (`--eval=…` would run as code, not as a file).
  if (segments.some((segment) => segment.startsWith("-")))
    refuse("has a segment starting with -, which node reads as an option");
  const long = segments.find((segment) => Buffer.byteLength(segment, "utf8") > MAX_SEGMENT_BYTES);
  if (long !== undefined)
    refuse(`has a name longer than ${MAX_SEGMENT_BYTES} bytes (${Buffer.byteLength(long, "utf8")})`);
}

/** Refuses a file map in which one path is a file and also a folder of another (`a` and `a/b.js`). */
export function assertNoFileFolderClash(paths: readonly string[]): void {
  const files = new Set(paths);
  for (const path of paths) {
    const segments = path.split("/");
    for (let end = 1; end < segments.length; end++) {
      const folder = segments.slice(0, end).join("/");
      if (files.has(folder)) {
        throw new RunnerProblem(
          400,
          "unsafe-path",
          "Unsafe file path",
          `The file path ${JSON.stringify(path)} needs ${JSON.stringify(folder)} to be a folder, but the run also sends it as a file.`,
        );
      }
    }
  }
}

/** Checks the whole file map against the caps and the path rules before anything touches the disk. */
export function assertAcceptableFiles(files: Readonly<Record<string, string>>, limits: RunnerLimits): void {
  const paths = Object.keys(files);
  if (paths.length > limits.maxFiles) {
    throw new RunnerProblem(
      413,
      "too-many-files",
      "Too many files",
      `The run sent ${paths.length} files; the limit is ${limits.maxFiles}.`,
    );
  }
  for (const path of paths) assertSafeRelativePath(path);
  assertNoFileFolderClash(paths);
  for (const path of paths) {
    const bytes = Buffer.byteLength(files[path] ?? "", "utf8");
    if (bytes > limits.maxFileBytes) {
      throw new RunnerProblem(
        413,
        "file-too-large",
        "File too large",
        `${path} has ${bytes} bytes; the limit is ${limits.maxFileBytes}.`,
      );
    }
  }
}

export interface RunWorkspace {
  readonly dir: string;
  /** Deletes the directory and everything in it (the node_modules link, never its target); never rejects. */
  remove(): Promise<void>;
}

/** The filesystem calls removal uses, replaceable so a test can make them fail. */
export interface RemovalFs {
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
  chmodTree(path: string): Promise<void>;
  log(message: string): void;
}

/** Makes every folder under `root` writable and enterable again (the reader's code may have chmod-ed them). */
async function chmodTree(root: string): Promise<void> {
  await chmod(root, 0o700).catch(() => undefined);
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) await chmod(join(entry.parentPath, entry.name), 0o700).catch(() => undefined);
  }
}

const realFs: RemovalFs = {
  rm: (path, options) => rm(path, options),
  chmodTree,
  log: (message) => console.error(message),
};

/**
 * Removes a run folder; when that fails (the run made a folder read-only), makes its folders
 * writable and tries again; when that fails too, says so in the log with the path, so the leftover
 * is never silent (the next start removes it).
 */
export async function removeRunFolder(dir: string, fs: RemovalFs = realFs): Promise<void> {
  try {
    await fs.rm(dir, { recursive: true, force: true });
    return;
  } catch (first) {
    await fs.chmodTree(dir);
    try {
      await fs.rm(dir, { recursive: true, force: true });
      fs.log(`[runner] removed ${dir} after making its folders writable (${(first as Error).message})`);
    } catch (second) {
      fs.log(`[runner] could not remove the run folder ${dir}: ${(second as Error).message}. Remove it by hand.`);
    }
  }
}

/**
 * Removes run folders under `tempRoot` left by guide processes that are gone; folders of live
 * guides (this one, or others on the same machine) and folders that name no owner are kept.
 */
export async function removeStaleRunFolders(tempRoot: string = tmpdir(), fs: RemovalFs = realFs): Promise<string[]> {
  const removed: string[] = [];
  const pattern = new RegExp(`^${RUN_DIR_PREFIX}(\\d+)-`);
  for (const name of await readdir(tempRoot).catch(() => [] as string[])) {
    const owner = pattern.exec(name)?.[1];
    if (owner === undefined || processAlive(Number(owner))) continue;
    const dir = join(tempRoot, name);
    await removeRunFolder(dir, fs);
    removed.push(dir);
  }
  return removed;
}

async function writeInside(root: string, relativePath: string, contents: string): Promise<void> {
  const target = join(root, ...relativePath.split("/"));
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  // The path rules already exclude escapes; this also catches a parent that is a link out of the directory.
  const realParent = await realpath(parent);
  if (realParent !== root && !realParent.startsWith(root + sep)) {
    throw new RunnerProblem(
      400,
      "unsafe-path",
      "Unsafe file path",
      `The file path ${JSON.stringify(relativePath)} resolves outside the run directory.`,
    );
  }
  // O_EXCL|O_NOFOLLOW: never write through an existing file or link.
  const handle = await open(
    target,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    0o644,
  );
  try {
    await handle.writeFile(contents, "utf8");
  } finally {
    await handle.close();
  }
}

/** Filesystem refusals that come from the reader's path (a name this filesystem cannot hold), not from the runner. */
const PATH_ERRORS = new Set(["ENAMETOOLONG", "ENOTDIR", "EISDIR", "EEXIST", "EILSEQ", "EINVAL", "ELOOP"]);

async function writeReaderFile(root: string, relativePath: string, contents: string): Promise<void> {
  try {
    await writeInside(root, relativePath, contents);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !PATH_ERRORS.has(code)) throw error;
    throw new RunnerProblem(
      400,
      "unsafe-path",
      "Unsafe file path",
      `The file path ${JSON.stringify(relativePath)} cannot be written on this machine (${code}).`,
    );
  }
}

/** Creates the run directory, writes the files and links node_modules; removes it all again if any step fails. */
export async function createRunWorkspace(
  files: Readonly<Record<string, string>>,
  options: { readonly projectRoot: string; readonly limits: RunnerLimits; readonly tempRoot?: string },
): Promise<RunWorkspace> {
  assertAcceptableFiles(files, options.limits);
  const dir = await realpath(await mkdtemp(join(options.tempRoot ?? tmpdir(), `${RUN_DIR_PREFIX}${process.pid}-`)));
  const remove = () => removeRunFolder(dir);
  try {
    for (const [path, contents] of Object.entries(files)) {
      await writeReaderFile(dir, path, contents);
    }
    await symlink(join(options.projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}
