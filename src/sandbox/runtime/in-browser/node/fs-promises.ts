/** node:fs/promises over the example's files in memory (see process/file-system.ts). */
import * as fs from "../process/file-system.ts";
import type { PathLike } from "../process/file-system.ts";

type Encoding = string | { encoding?: string | null; flag?: string } | null | undefined;
const encodingOf = (options: Encoding): string | undefined =>
  typeof options === "string" ? options : (options?.encoding ?? undefined);

interface ReaddirOptions {
  withFileTypes?: boolean;
  recursive?: boolean;
  encoding?: string;
}

export function readdirSync(path: PathLike, options?: ReaddirOptions | string): string[] | fs.Dirent[] {
  const opts = typeof options === "string" ? {} : (options ?? {});
  const dir = fs.toPath(path);
  const entries = fs.listDirectory(dir, opts.recursive === true);
  if (opts.withFileTypes) return entries.map((entry) => new fs.Dirent(entry.name, entry.parentPath, entry.directory));
  return entries.map((entry) => `${entry.parentPath}/${entry.name}`.slice(dir.length + (dir === "/" ? 0 : 1)));
}

export function readFileSync(path: PathLike, options?: Encoding): string | Uint8Array {
  return fs.readFile(fs.toPath(path), encodingOf(options));
}

export function writeFileSync(path: PathLike, data: string | Uint8Array): void {
  fs.writeFile(fs.toPath(path), data);
}

export function appendFileSync(path: PathLike, data: string): void {
  const target = fs.toPath(path);
  const before = fs.isFile(target) ? (fs.readFile(target, "utf8") as string) : "";
  fs.writeFile(target, before + data);
}

export function mkdirSync(path: PathLike, options?: { recursive?: boolean } | number): string | undefined {
  const target = fs.toPath(path);
  fs.makeDirectory(target, typeof options === "object" && options.recursive === true);
  return undefined;
}

export function rmSync(path: PathLike, options: { recursive?: boolean; force?: boolean } = {}): void {
  const target = fs.toPath(path);
  if (fs.isFile(target)) fs.removeFile(target);
  else if (fs.isDirectory(target)) {
    if (!options.recursive) throw Object.assign(fs.fsError("EISDIR", "rm", target), { code: "ERR_FS_EISDIR" });
    fs.removeTree(target);
  } else if (!options.force) throw fs.fsError("ENOENT", "rm", target);
}

export function unlinkSync(path: PathLike): void {
  const target = fs.toPath(path);
  if (!fs.removeFile(target)) throw fs.fsError("ENOENT", "unlink", target);
}

export function statSync(path: PathLike, options?: { throwIfNoEntry?: boolean }): fs.Stats | undefined {
  try {
    return fs.stat(fs.toPath(path));
  } catch (error) {
    if (options?.throwIfNoEntry === false) return undefined;
    throw error;
  }
}

export function accessSync(path: PathLike): void {
  fs.stat(fs.toPath(path), "access");
}

export function existsSync(path: PathLike): boolean {
  try {
    fs.stat(fs.toPath(path));
    return true;
  } catch {
    return false;
  }
}

export function realpathSync(path: PathLike): string {
  const target = fs.toPath(path);
  fs.stat(target, "realpath");
  return target;
}

const later =
  <A extends unknown[], R>(work: (...args: A) => R) =>
  async (...args: A): Promise<R> =>
    work(...args);

export const readFile = later(readFileSync);
export const writeFile = later(writeFileSync);
export const appendFile = later(appendFileSync);
export const readdir = later(readdirSync);
export const mkdir = later(mkdirSync);
export const rm = later(rmSync);
export const unlink = later(unlinkSync);
export const stat = later((path: PathLike) => statSync(path)!);
export const lstat = stat;
export const access = later(accessSync);
export const realpath = later(realpathSync);
export const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 };

export default {
  readFile,
  writeFile,
  appendFile,
  readdir,
  mkdir,
  rm,
  unlink,
  stat,
  lstat,
  access,
  realpath,
  constants,
};
