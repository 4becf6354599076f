/**
 * Loads the process's (type-stripped) files as ES modules. Each file becomes a blob: URL whose
 * import specifiers are rewritten: relative imports to their files' blob: URLs, packages and
 * built-ins to the runtime's same-origin modules. `import.meta` and dynamic `import()` go through
 * per-file helpers, so `import.meta.url` is the file's `file:///sandbox/…` URL as under Node.
 */
import pathModule from "path-browserify";
import type { CompiledModule, LexedImport } from "../protocol.ts";
import { builtinName, isBareSpecifier, serverDriverMessage, BUILTIN_STAND_INS } from "../build/provided-modules.ts";
import { formatStripError } from "../strip/format.ts";
import { init, registerBlob } from "./host.ts";

const urls = new Map<string, string>();
const visiting: string[] = [];

function moduleError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** An error whose text is already in Node's shape (the bootstrap prints it as it is). */
export class PreformattedError extends Error {
  readonly text: string;
  constructor(text: string) {
    super(text);
    this.text = text;
    this.name = "PreformattedError";
  }
}

export function fileUrlOf(path: string): string {
  return `file://${pathModule.join(init().root, path)}`;
}

type Resolved = { readonly file: string } | { readonly url: string };

/** Where `specifier` (as written in `importer`) leads, or the error Node would give. */
export function resolveImport(importer: string, specifier: string): Resolved {
  const { root, modules, files, moduleUrls, serverDrivers } = init();
  const from = pathModule.join(root, importer);
  if (isBareSpecifier(specifier)) {
    const builtin = builtinName(specifier);
    if (builtin !== undefined) {
      const url = moduleUrls[`node:${builtin}`];
      if (url) return { url };
      if (specifier.startsWith("node:") || !(builtin in BUILTIN_STAND_INS))
        throw moduleError(
          "ERR_UNKNOWN_BUILTIN_MODULE",
          `No such built-in module: ${specifier}. The in-browser runtime does not provide node:${builtin}; run the example with Node to use it.`,
        );
    }
    const url = moduleUrls[specifier];
    if (url) return { url };
    const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
    const variable = serverDrivers[name];
    if (variable) throw moduleError("ERR_MODULE_NOT_FOUND", serverDriverMessage(specifier, variable));
    throw moduleError(
      "ERR_MODULE_NOT_FOUND",
      `Cannot find package '${name}' imported from ${from}. The in-browser runtime provides only the packages the examples import (prebundled when the site is built).`,
    );
  }
  let target: string;
  if (specifier.startsWith("file:")) target = decodeURIComponent(new URL(specifier).pathname);
  else target = pathModule.resolve(pathModule.dirname(from), specifier.replace(/[?#].*$/, ""));
  const relative = target.startsWith(`${root}/`) ? target.slice(root.length + 1) : undefined;
  if (relative === undefined || (!(relative in modules) && !(relative in files)))
    throw moduleError("ERR_MODULE_NOT_FOUND", `Cannot find module '${target}' imported from ${from}`);
  return { file: relative };
}

function jsonModule(path: string, text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`${fileUrlOf(path)}: ${(error as Error).message}`, { cause: error });
  }
  return `export default ${text};`;
}

/** The blob: URL of one file's module, creating those of its static imports first. */
export function moduleUrl(path: string): string {
  const known = urls.get(path);
  if (known) return known;
  if (visiting.includes(path)) {
    const cycle = [...visiting.slice(visiting.indexOf(path)), path].join(" → ");
    throw moduleError(
      "ERR_IMPORT_CYCLE_NOT_SUPPORTED",
      `The in-browser runtime cannot load modules that import each other in a cycle: ${cycle}. Node can; break the cycle or run the example with Node.`,
    );
  }
  const { modules, files } = init();
  const compiled: CompiledModule | undefined = modules[path];
  let code: string;
  if (compiled === undefined) {
    if (!path.endsWith(".json"))
      throw moduleError("ERR_UNKNOWN_FILE_EXTENSION", `Unknown file extension for ${fileUrlOf(path)}`);
    code = jsonModule(path, files[path] ?? "");
  } else if (!compiled.ok) {
    throw new PreformattedError(formatStripError(fileUrlOf(path), compiled.error));
  } else {
    visiting.push(path);
    try {
      code = rewrite(path, compiled.code, compiled.imports);
    } finally {
      visiting.pop();
    }
  }
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  registerBlob(url, fileUrlOf(path));
  urls.set(path, url);
  return url;
}

function rewrite(path: string, code: string, imports: readonly LexedImport[]): string {
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const entry of imports) {
    if (entry.d === -1 && entry.n !== undefined) {
      const resolved = resolveImport(path, entry.n);
      edits.push({ start: entry.s, end: entry.e, text: "file" in resolved ? moduleUrl(resolved.file) : resolved.url });
    } else if (entry.d === -2) {
      edits.push({ start: entry.ss, end: entry.se, text: "__fgMeta" });
    } else if (entry.d >= 0) {
      edits.push({ start: entry.ss, end: entry.ss + "import".length, text: "__fgImport" });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let result = code;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  if (result.startsWith("#!")) result = `//${result.slice(2)}`;
  const name = JSON.stringify(path);
  // On the first line, so line numbers in stack traces stay those of the file.
  return `const __fgMeta = globalThis.__fieldGuideMeta(${name}), __fgImport = (s) => globalThis.__fieldGuideImport(${name}, s);${result}`;
}

/** What `import.meta` is in a file: url, filename, dirname, resolve(), and main for the entry file. */
export function importMetaOf(path: string): ImportMeta {
  const url = fileUrlOf(path);
  const filename = pathModule.join(init().root, path);
  return {
    url,
    filename,
    dirname: pathModule.dirname(filename),
    main: path === init().entry && init().mode === "program",
    resolve: (specifier: string) => {
      const resolved = resolveImport(path, specifier);
      return "file" in resolved ? fileUrlOf(resolved.file) : specifier;
    },
  } as unknown as ImportMeta;
}

/** A dynamic import() from a file: resolved like a static one, loaded only now. */
export async function importFrom(path: string, specifier: unknown): Promise<unknown> {
  const resolved = resolveImport(path, String(specifier));
  return import(/* @vite-ignore */ "file" in resolved ? moduleUrl(resolved.file) : resolved.url);
}
