/**
 * The process's file system: the example's files (as the reader edited them) under
 * `/sandbox/<example>/`, in memory. Writes change this process's copy only, like a fresh
 * temporary directory per run in the local runner.
 */
import { Buffer } from "../node/buffer-base.ts";
import pathModule from "path-browserify";
import { init } from "./host.ts";

const files = new Map<string, string | Uint8Array>();
let rootPath = "/";

export function mountFiles(root: string, contents: Readonly<Record<string, string>>): void {
  rootPath = root;
  for (const [path, text] of Object.entries(contents)) files.set(pathModule.join(root, path), text);
}

export type PathLike = string | URL | Uint8Array;

/** An absolute POSIX path from a string, a file: URL or bytes, resolved against the working directory. */
export function toPath(path: PathLike): string {
  let text: string;
  if (path instanceof URL || (typeof path === "string" && path.startsWith("file:"))) {
    const url = new URL(String(path));
    if (url.protocol !== "file:")
      throw Object.assign(new TypeError("The URL must be of scheme file"), { code: "ERR_INVALID_URL_SCHEME" });
    text = decodeURIComponent(url.pathname);
  } else if (path instanceof Uint8Array) text = new TextDecoder().decode(path);
  else if (typeof path === "string") text = path;
  else
    throw Object.assign(
      new TypeError(
        `The "path" argument must be of type string or an instance of Buffer or URL. Received ${typeof path}`,
      ),
      {
        code: "ERR_INVALID_ARG_TYPE",
      },
    );
  return pathModule.resolve(hasRoot() ? init().root : "/", text);
}

function hasRoot(): boolean {
  try {
    init();
    return true;
  } catch {
    return false;
  }
}

export function fsError(code: "ENOENT" | "EISDIR" | "ENOTDIR" | "EEXIST", syscall: string, path: string): Error {
  const text = {
    ENOENT: "no such file or directory",
    EISDIR: "illegal operation on a directory",
    ENOTDIR: "not a directory",
    EEXIST: "file already exists",
  }[code];
  const errno = { ENOENT: -2, EISDIR: -21, ENOTDIR: -20, EEXIST: -17 }[code];
  return Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { errno, code, syscall, path });
}

export function isFile(path: string): boolean {
  return files.has(path);
}

export function isDirectory(path: string): boolean {
  if (path === "/" || rootPath.startsWith(`${path}/`) || path === rootPath) return true;
  const prefix = `${path}/`;
  for (const file of files.keys()) if (file.startsWith(prefix)) return true;
  return false;
}

export function readBytesOrText(path: string, syscall = "open"): string | Uint8Array {
  const contents = files.get(path);
  if (contents !== undefined) return contents;
  throw fsError(isDirectory(path) ? "EISDIR" : "ENOENT", isDirectory(path) ? "read" : syscall, path);
}

export function readFile(path: string, encoding: string | undefined): string | Buffer {
  const contents = readBytesOrText(path);
  const buffer = typeof contents === "string" ? Buffer.from(contents, "utf8") : Buffer.from(contents);
  if (encoding === undefined || encoding === null) return buffer;
  return typeof contents === "string" && /^utf-?8$/i.test(encoding)
    ? contents
    : buffer.toString(encoding as BufferEncoding);
}

export function writeFile(path: string, data: string | Uint8Array): void {
  if (isDirectory(path) && !files.has(path)) throw fsError("EISDIR", "open", path);
  if (!isDirectory(pathModule.dirname(path))) throw fsError("ENOENT", "open", path);
  files.set(path, typeof data === "string" ? data : new Uint8Array(data));
}

export function removeFile(path: string): boolean {
  return files.delete(path);
}

export function removeTree(path: string): void {
  files.delete(path);
  for (const file of [...files.keys()]) if (file.startsWith(`${path}/`)) files.delete(file);
}

const directories = new Set<string>();
export function makeDirectory(path: string, recursive: boolean): void {
  if (isDirectory(path) || directories.has(path)) {
    if (!recursive) throw fsError("EEXIST", "mkdir", path);
    return;
  }
  if (!recursive && !isDirectory(pathModule.dirname(path)) && !directories.has(pathModule.dirname(path)))
    throw fsError("ENOENT", "mkdir", path);
  directories.add(path);
}

export interface Entry {
  readonly name: string;
  readonly parentPath: string;
  readonly directory: boolean;
}

/** The entries of a directory (recursively when asked), in name order. */
export function listDirectory(path: string, recursive: boolean): Entry[] {
  if (files.has(path)) throw fsError("ENOTDIR", "scandir", path);
  if (!isDirectory(path) && !directories.has(path)) throw fsError("ENOENT", "scandir", path);
  const found = new Map<string, Entry>();
  const prefix = path === "/" ? "/" : `${path}/`;
  const candidates = [...files.keys(), ...directories, ...(rootPath.startsWith(prefix) ? [rootPath] : [])];
  for (const file of candidates) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length).split("/");
    const depth = recursive ? rest.length : 1;
    for (let index = 0; index < depth; index += 1) {
      const relative = rest.slice(0, index + 1).join("/");
      const directory =
        index < rest.length - 1 || directories.has(file) || (file === rootPath && index === rest.length - 1);
      const full = prefix + relative;
      const slash = full.lastIndexOf("/");
      found.set(relative, { name: full.slice(slash + 1), parentPath: full.slice(0, slash) || "/", directory });
    }
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}

export class Dirent {
  readonly name: string;
  readonly parentPath: string;
  private readonly directory: boolean;
  constructor(name: string, parentPath: string, directory: boolean) {
    this.name = name;
    this.parentPath = parentPath;
    this.directory = directory;
  }
  get path(): string {
    return this.parentPath;
  }
  isFile(): boolean {
    return !this.directory;
  }
  isDirectory(): boolean {
    return this.directory;
  }
  isSymbolicLink(): boolean {
    return false;
  }
  isFIFO(): boolean {
    return false;
  }
  isSocket(): boolean {
    return false;
  }
  isBlockDevice(): boolean {
    return false;
  }
  isCharacterDevice(): boolean {
    return false;
  }
}

export class Stats {
  readonly dev = 1;
  readonly ino = 0;
  readonly mode: number;
  readonly nlink = 1;
  readonly uid = 1000;
  readonly gid = 1000;
  readonly size: number;
  readonly blksize = 4096;
  readonly blocks: number;
  readonly atimeMs: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly birthtimeMs: number;
  readonly atime: Date;
  readonly mtime: Date;
  readonly ctime: Date;
  readonly birthtime: Date;
  private readonly directory: boolean;
  constructor(directory: boolean, size: number) {
    this.directory = directory;
    this.mode = directory ? 0o40755 : 0o100644;
    this.size = size;
    this.blocks = Math.ceil(size / 512);
    const now = Date.now();
    this.atimeMs = this.mtimeMs = this.ctimeMs = this.birthtimeMs = now;
    this.atime = this.mtime = this.ctime = this.birthtime = new Date(now);
  }
  isFile(): boolean {
    return !this.directory;
  }
  isDirectory(): boolean {
    return this.directory;
  }
  isSymbolicLink(): boolean {
    return false;
  }
}

export function stat(path: string, syscall = "stat"): Stats {
  const contents = files.get(path);
  if (contents !== undefined)
    return new Stats(false, typeof contents === "string" ? new TextEncoder().encode(contents).length : contents.length);
  if (isDirectory(path) || directories.has(path)) return new Stats(true, 4096);
  throw fsError("ENOENT", syscall, path);
}
