/**
 * Making the examples' TypeScript run on whatever Node the WebContainer has. The adapter probes
 * rather than trusts a version number: native type stripping (Node ≥ 22.18 / 23.6), the
 * `--experimental-strip-types` flag (22.6+), or else a module hook that strips types with
 * amaro (the stripper Node itself uses) from the dependency snapshot.
 */

/** How `node` must be invoked in the container to run `.ts` files. */
export type TypeScriptMode =
  | { readonly kind: "native"; readonly nodeVersion: string }
  | { readonly kind: "flag"; readonly nodeVersion: string }
  | { readonly kind: "hook"; readonly nodeVersion: string; readonly registerUrl: string };

/** Folder (under the workdir) for the probe and the hook files; its name keeps it out of the examples' way. */
export const SUPPORT_DIR = ".field-guide";

/** A file that only runs if types are stripped; it prints a marker the probe looks for. */
export const PROBE_SOURCE = "const answer: number = 42;\nconsole.log(`strip-types-ok ${answer}`);\n";
export const PROBE_MARKER = "strip-types-ok 42";

/** Registers the load hook (module.register exists from Node 18.19 / 20.6). */
export const REGISTER_SOURCE = `import { register } from "node:module";
register("./strip-types-hooks.mjs", import.meta.url);
`;

/**
 * Loads .ts/.mts files as ES modules with types replaced by whitespace, so line and column
 * numbers in stack traces match the reader's file.
 */
export const HOOKS_SOURCE = `import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import amaro from "amaro";

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !/\\.m?ts$/.test(new URL(url).pathname)) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = amaro.transformSync(await readFile(filename, "utf8"), { mode: "strip-only", filename });
  return { format: "module", source: code, shortCircuit: true };
}
`;

/** NODE_OPTIONS for a mode: set in the environment so the test runner's child processes inherit it too. */
export function nodeOptionsFor(mode: TypeScriptMode): string | undefined {
  if (mode.kind === "flag") return "--experimental-strip-types --disable-warning=ExperimentalWarning";
  if (mode.kind === "hook") return `--import=${mode.registerUrl}`;
  return undefined;
}

/** A glob of the kind scripts use (`tests/**\/*.test.ts`) as a RegExp over POSIX paths. */
export function globToRegExp(glob: string): RegExp {
  let pattern = "";
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob.charAt(index);
    if (char === "*" && glob.charAt(index + 1) === "*") {
      const slash = glob.charAt(index + 2) === "/";
      pattern += slash ? "(?:.*/)?" : ".*";
      index += slash ? 2 : 1;
    } else if (char === "*") pattern += "[^/]*";
    else if (char === "?") pattern += "[^/]";
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * Node before 21 does not expand globs given to `--test`; with the hook mode the adapter expands
 * them itself from the example's files, so the same script runs the same test files.
 */
export function expandTestGlobs(mode: TypeScriptMode, args: readonly string[], paths: readonly string[]): string[] {
  if (mode.kind !== "hook" || !args.includes("--test")) return [...args];
  return args.flatMap((arg) => {
    if (arg.startsWith("-") || !/[*?]/.test(arg)) return [arg];
    const matcher = globToRegExp(arg);
    return paths.filter((path) => matcher.test(path)).sort();
  });
}

/** The major, minor and patch of `v20.19.1`, or undefined for anything else. */
export function parseNodeVersion(text: string): readonly [number, number, number] | undefined {
  const match = /v(\d+)\.(\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** True when module.register exists, which the hook mode needs. */
export function supportsModuleHooks(version: readonly [number, number, number]): boolean {
  const [major, minor] = version;
  return major > 20 || (major === 20 && minor >= 6) || (major === 18 && minor >= 19);
}
