/**
 * Builds the in-browser runtime into `<outDir>` (dist/_runtime/ in the site build), in Node
 * with npm packages only:
 * - one esbuild pass (ES modules, code splitting, so shared internals exist once) over the two
 *   workers, every Node built-in stand-in, the package stand-ins, and every npm package the
 *   examples import (derived from their imports, so a new example's packages are covered);
 * - PGlite's dist/ copied as published (it loads its .wasm/.data next to its own module URL);
 * - manifest.json: specifier → module path, for the page.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { init as initLexer, parse as parseModule } from "es-module-lexer";
import { MANIFEST_FILE, type RuntimeManifest } from "../manifest.ts";
import { deriveExampleImports, type ExampleImport } from "./derive-imports.ts";
import {
  BUILTIN_STAND_INS,
  DEPENDENCY_STAND_INS,
  NODE_ENTRIES,
  PACKAGE_STAND_INS,
  PUBLISHED_PACKAGES,
  SERVER_DRIVERS,
  builtinName,
  packageName,
} from "./provided-modules.ts";

const RUNTIME_DIR = fileURLToPath(new URL("../", import.meta.url));
const NODE_DIR = join(RUNTIME_DIR, "node");

export interface RuntimeBuildOptions {
  readonly projectRoot: string;
  readonly examplesDir: string;
  readonly outDir: string;
  readonly minify?: boolean;
}

export interface RuntimeBuildResult {
  readonly manifest: RuntimeManifest;
  readonly imports: readonly ExampleImport[];
  /** Bytes written, by part. */
  readonly bytes: Readonly<Record<string, number>>;
}

/** `hono/body-limit` → `hono__body-limit`: an output file name for a specifier. */
const fileNameOf = (specifier: string) => specifier.replace(/^@/, "").replace(/[/:]/g, "__");

/**
 * A package entry resolved from the example that imports it, so an example's own installed
 * version (examples/x/node_modules) is the one bundled, not whatever the project root has.
 */
function packageFromExamplePlugin(exampleDirOf: ReadonlyMap<string, string>): Plugin {
  return {
    name: "field-guide-package-from-example",
    setup(build) {
      build.onResolve({ filter: /^fg-package:/ }, async (args) => {
        const specifier = args.path.slice("fg-package:".length);
        const resolved = await build.resolve(NODE_ENTRIES[specifier] ?? specifier, {
          kind: "import-statement",
          resolveDir: exampleDirOf.get(specifier)!,
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const names = await commonJsExportNames(resolved.path);
        return names ? { path: resolved.path, namespace: "fg-commonjs", pluginData: names } : { path: resolved.path };
      });
      // A CommonJS entry gets an ES module in front that names its exports, as Node's own interop does
      // (`import { Ajv2020 } from "ajv/dist/2020.js"`); bundled alone, it would offer only a default export.
      build.onLoad({ filter: /.*/, namespace: "fg-commonjs" }, (args) => {
        const names = (args.pluginData as string[]).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
        const named = names.length > 0 ? `export const { ${names.join(", ")} } = commonJs;\n` : "";
        return {
          // A module compiled from ES modules (`__esModule` set) without a default export: esbuild's interop gives it
          // no default, where Node's gives module.exports; take its exports object (OpenTelemetry's CommonJS builds).
          contents:
            `import * as namespace from ${JSON.stringify(args.path)};\n` +
            `const commonJs = namespace.default ?? namespace;\nexport default commonJs;\n${named}`,
          resolveDir: dirname(args.path),
          loader: "js",
        };
      });
    },
  };
}

/** The export names of a CommonJS module (undefined for an ES module), read by loading it in Node at build time. */
async function commonJsExportNames(path: string): Promise<string[] | undefined> {
  if (path.endsWith(".mjs")) return undefined;
  let folder = dirname(path);
  while (!existsSync(join(folder, "package.json")) && dirname(folder) !== folder) folder = dirname(folder);
  const manifest = JSON.parse(await readFile(join(folder, "package.json"), "utf8")) as { type?: string };
  if (manifest.type === "module" && !path.endsWith(".cjs")) return undefined;
  // ES modules a bundler picks through `module` in a package without "type": "module" (OpenTelemetry's
  // build/esm/, with extensionless imports Node cannot load): they name their exports themselves.
  if (!path.endsWith(".cjs") && (await hasModuleSyntax(path))) return undefined;
  const loaded = createRequire(path)(path) as Record<string, unknown>;
  return Object.keys(loaded).filter((name) => name !== "default" && name !== "__esModule");
}

/** True when the file has import or export statements (import.meta included): an ES module, whatever its extension. */
async function hasModuleSyntax(path: string): Promise<boolean> {
  await initLexer;
  try {
    return parseModule(await readFile(path, "utf8"))[3];
  } catch {
    return false; // not parseable as an ES module: CommonJS
  }
}

/** Built-ins imported by npm code resolve to the stand-ins; amaro's wasm glue gets the browser's text codecs. */
function builtinsPlugin(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: "field-guide-node-builtins",
    setup(build) {
      build.onResolve({ filter: /^util$/ }, (args) =>
        args.importer.includes(`${"/node_modules/"}amaro/`)
          ? { path: join(RUNTIME_DIR, "strip", "amaro-shims.ts") }
          : undefined,
      );
      build.onResolve({ filter: /^thread-stream$/ }, (args) => {
        const standIn = DEPENDENCY_STAND_INS[args.path];
        return standIn ? { path: join(NODE_DIR, standIn) } : undefined;
      });
      // Node code in npm packages also names built-ins without `node:` (require("fs")). Where that does
      // not resolve to a package (events, buffer, util and assert have browser ones), it gets the stand-in.
      build.onResolve({ filter: /^[a-z_][a-z0-9_]*$/ }, async (args) => {
        const standIn = BUILTIN_STAND_INS[args.path];
        if (!standIn || args.pluginData === "bare-builtin") return undefined;
        const { kind, resolveDir, importer } = args;
        const asPackage = await build.resolve(args.path, { kind, resolveDir, importer, pluginData: "bare-builtin" });
        return asPackage.errors.length === 0 ? undefined : { path: join(NODE_DIR, standIn) };
      });
      // CommonJS packages written for Node require some built-ins without the `node:` prefix (OpenTelemetry's
      // context manager: `require("async_hooks")`); no npm package of that name exists to mean anything else.
      build.onResolve({ filter: /^async_hooks$/ }, () => ({ path: join(NODE_DIR, BUILTIN_STAND_INS["async_hooks"]!) }));
      build.onResolve({ filter: /^node:/ }, (args) => {
        const name = args.path.slice(5);
        if (name === "buffer") return { path: require.resolve("buffer/") };
        const standIn = BUILTIN_STAND_INS[name];
        return standIn ? { path: join(NODE_DIR, standIn) } : { errors: [{ text: `No stand-in for ${args.path}` }] };
      });
    },
  };
}

/**
 * pino reads Node's major version at load (`process.versions.node.split(".")`) to pick a string escaper.
 * The page's process has no `versions.node`, on purpose (see README), so pino reads it as 0, as
 * sonic-boom already does by itself, and takes its escaper for Node < 25, which is right in any engine.
 */
function pinoVersionPlugin(): Plugin {
  const read = "process.versions.node.split('.')";
  return {
    name: "field-guide-pino-node-version",
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]pino[\\/]lib[\\/]tools\.js$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!source.includes(read)) throw new Error(`${args.path} no longer reads ${read}: review pinoVersionPlugin`);
        return { contents: source.replace(read, "(process.versions.node || '0').split('.')"), loader: "js" };
      });
    },
  };
}

/** Copies a published package's ES modules and WASM/data files, keeping its layout. */
async function copyPublished(pkg: string, projectRoot: string, target: string): Promise<Record<string, string>> {
  // The package's folder: its main entry, then up to the folder named like the package.
  const require = createRequire(join(projectRoot, "package.json"));
  let root = dirname(require.resolve(pkg));
  while (!root.endsWith(join("node_modules", pkg)) && dirname(root) !== root) root = dirname(root);
  const manifestPath = join(root, "package.json");
  const packageJson = JSON.parse(await readFile(manifestPath, "utf8")) as { exports?: Record<string, unknown> };
  const dist = join(root, "dist");
  const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter(
    (entry) => entry.isFile() && /\.(?:js|wasm|data)$/.test(entry.name),
  );
  for (const entry of files) {
    const from = join(entry.parentPath, entry.name);
    const to = join(target, relative(dist, from));
    await mkdir(dirname(to), { recursive: true });
    await cp(from, to);
  }
  const modules: Record<string, string> = {};
  for (const [subpath, conditions] of Object.entries(packageJson.exports ?? {})) {
    const importCondition = (conditions as { import?: { default?: string } | string }).import;
    const file = typeof importCondition === "string" ? importCondition : importCondition?.default;
    if (!file?.startsWith("./dist/") || subpath.includes("*")) continue;
    modules[subpath === "." ? pkg : `${pkg}/${subpath.slice(2)}`] = file.slice("./dist/".length);
  }
  return modules;
}

export async function buildInBrowserRuntime(options: RuntimeBuildOptions): Promise<RuntimeBuildResult> {
  const { projectRoot, examplesDir, outDir } = options;
  const imports = await deriveExampleImports(examplesDir);
  const packages = new Set<string>();
  const published = new Set<string>();
  const exampleDirOf = new Map<string, string>();
  for (const { specifier, example } of imports) {
    if (builtinName(specifier) !== undefined) continue;
    const name = packageName(specifier);
    if (name in SERVER_DRIVERS || name in PACKAGE_STAND_INS) continue;
    if (PUBLISHED_PACKAGES.has(name)) published.add(name);
    else {
      packages.add(specifier);
      if (!exampleDirOf.has(specifier)) exampleDirOf.set(specifier, join(examplesDir, example));
    }
  }

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const entryPoints: { in: string; out: string }[] = [
    { in: join(RUNTIME_DIR, "process.worker.ts"), out: "process.worker" },
    { in: join(RUNTIME_DIR, "stripper.worker.ts"), out: "stripper.worker" },
  ];
  const modules: Record<string, string> = {};
  for (const [name, file] of Object.entries(BUILTIN_STAND_INS)) {
    const out = `m/node__${fileNameOf(name)}`;
    entryPoints.push({ in: join(NODE_DIR, file), out });
    modules[`node:${name}`] = `${out}.js`;
  }
  for (const [name, file] of Object.entries(PACKAGE_STAND_INS)) {
    const out = `m/${fileNameOf(name)}`;
    entryPoints.push({ in: join(NODE_DIR, file), out });
    modules[name] = `${out}.js`;
  }
  for (const specifier of [...packages].sort()) {
    const out = `m/${fileNameOf(specifier)}`;
    entryPoints.push({ in: `fg-package:${specifier}`, out });
    modules[specifier] = `${out}.js`;
  }

  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: options.minify ?? true,
    chunkNames: "chunks/[name]-[hash]",
    define: { global: "globalThis" },
    inject: [join(NODE_DIR, "process-inject.ts")],
    plugins: [builtinsPlugin(), pinoVersionPlugin(), packageFromExamplePlugin(exampleDirOf)],
    metafile: true,
    legalComments: "external",
    logLevel: "silent",
  });

  const bytes: Record<string, number> = { stripper: 0, process: 0, modules: 0, pglite: 0 };
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    const part =
      path.includes("stripper.worker") ||
      (output.inputs && Object.keys(output.inputs).some((input) => input.includes("amaro")))
        ? "stripper"
        : path.includes("process.worker")
          ? "process"
          : "modules";
    bytes[part] = (bytes[part] ?? 0) + output.bytes;
  }

  for (const pkg of published) {
    const target = join(outDir, fileNameOf(pkg));
    const exported = await copyPublished(pkg, projectRoot, target);
    for (const [specifier, file] of Object.entries(exported)) modules[specifier] = `${fileNameOf(pkg)}/${file}`;
    for (const entry of await readdir(target, { recursive: true, withFileTypes: true }))
      if (entry.isFile()) bytes["pglite"] += (await readFile(join(entry.parentPath, entry.name))).length;
  }

  // A build id in every entry URL: entry files keep stable names, so this is what busts caches.
  const version = Date.now().toString(36);
  const withVersion = (path: string) => `${path}?v=${version}`;
  const manifest: RuntimeManifest = {
    version: 1,
    processWorker: withVersion("process.worker.js"),
    stripperWorker: withVersion("stripper.worker.js"),
    modules: Object.fromEntries(Object.entries(modules).map(([specifier, path]) => [specifier, withVersion(path)])),
    serverDrivers: SERVER_DRIVERS,
  };
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, imports, bytes };
}
