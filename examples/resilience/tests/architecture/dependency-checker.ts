/**
 * Checks the dependency rule over a set of source files, without the TypeScript compiler (which is
 * only a dev dependency and may be missing where the example runs): comments and string literals are
 * masked first, so neither can fake or hide an import; then a few regular expressions find every
 * `import … from`, `export … from`, side-effect `import "…"` and dynamic `import("…")`.
 */
import { posix } from "node:path";

/** The four layers, plus the composition root: the files directly in src/ (main.ts). */
export type Layer = "domain" | "application" | "infrastructure" | "presentation" | "composition-root";

/** What files of a layer may import: which layers, and whether packages (npm and `node:` built-ins). */
export type LayerRule = { readonly layers: readonly Layer[]; readonly packages: boolean };

/** The dependency rule of every example: dependencies point inward, and nothing imports the composition root. */
export const DEPENDENCY_RULES: Readonly<Record<Layer, LayerRule>> = {
  domain: { layers: ["domain"], packages: false },
  application: { layers: ["domain", "application"], packages: false },
  infrastructure: { layers: ["domain", "application", "infrastructure"], packages: true },
  presentation: { layers: ["domain", "application", "presentation"], packages: true },
  "composition-root": {
    layers: ["domain", "application", "infrastructure", "presentation", "composition-root"],
    packages: true,
  },
};

/** One broken rule: which file, which import, and why it is not allowed. */
export type Violation = { readonly file: string; readonly specifier: string; readonly message: string };

const LAYER_FOLDERS = new Set<string>(["domain", "application", "infrastructure", "presentation"]);

/** The layer of a path like "src/domain/order.entity.ts", or undefined when it lies in no layer. */
export function layerOf(path: string): Layer | undefined {
  const parts = path.split("/");
  if (parts[0] !== "src" || parts.length < 2) return undefined;
  if (parts.length === 2) return "composition-root";
  const folder = parts[1] ?? "";
  return LAYER_FOLDERS.has(folder) ? (folder as Layer) : undefined;
}

// Characters after which a `/` starts a regular expression rather than a division.
const BEFORE_REGEX = "(,=:[!&|?{};+-*%<>~^";

/** Index just past the literal that opens at `start` (a quote, a backtick or a regex slash). */
function endOfLiteral(source: string, start: number): number {
  const open = source[start];
  let depth = 0; // nesting of `${ … }` inside a template literal
  let inClass = false; // inside `[…]` of a regular expression, where `/` does not end it
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      i++;
    } else if (open === "`" && depth > 0) {
      if (char === "{") depth++;
      else if (char === "}") depth--;
    } else if (open === "`" && char === "$" && source[i + 1] === "{") {
      depth++;
      i++;
    } else if (open === "/" && (char === "[" || char === "]")) {
      inClass = char === "[";
    } else if (char === open && !inClass) {
      return i + 1;
    } else if (char === "\n" && open !== "`") {
      return i; // an unterminated string or regex ends at the line, as for the parser
    }
  }
  return source.length;
}

/**
 * The source with comments blanked and every string or template literal replaced by `"<n>"`, where
 * n indexes `literals`. A template literal with `${…}` becomes `computed`, since its value is unknown.
 */
function mask(source: string): { code: string; literals: string[] } {
  let code = "";
  const literals: string[] = [];
  let previous = "";
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? "";
    const next = source[i + 1];
    if (char === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      i = end === -1 ? source.length : end;
    } else if (char === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      i = end === -1 ? source.length : end + 2;
      code += " ";
    } else if (char === '"' || char === "'" || char === "`") {
      const end = endOfLiteral(source, i);
      const text = source.slice(i + 1, end - 1);
      if (char === "`" && text.includes("${")) {
        code += "computed";
      } else {
        code += `"${literals.length}"`;
        literals.push(text);
      }
      previous = '"';
      i = end;
    } else if (char === "/" && (previous === "" || BEFORE_REGEX.includes(previous) || /\breturn\s*$/.test(code))) {
      i = endOfLiteral(source, i);
      code += "0";
      previous = "0";
    } else {
      code += char;
      if (!/\s/.test(char)) previous = char;
      i++;
    }
  }
  return { code, literals };
}

/** Every module specifier a file imports or re-exports, and how many dynamic imports have a computed one. */
export function importSpecifiers(source: string): { specifiers: string[]; computed: number } {
  const { code, literals } = mask(source);
  const specifiers: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^;]*?\bfrom\s*"(\d+)"/g, // import x from "…", import type { X } from "…", export * from "…"
    /\bimport\s*"(\d+)"/g, // import "…" (side effects only)
    /\bimport\s*\(\s*"(\d+)"\s*[,)]/g, // import("…")
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) specifiers.push(literals[Number(match[1])] ?? "");
  }
  const computed = [...code.matchAll(/\bimport\s*\((?!\s*"\d+"\s*[,)])/g)].length;
  return { specifiers, computed };
}

/** Checks every file (path relative to the example root, e.g. "src/domain/order.entity.ts" → its source). */
export function findViolations(files: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, source] of files) {
    const layer = layerOf(file);
    if (layer === undefined) {
      violations.push({
        file,
        specifier: "",
        message: `${file} is in no layer: put it in src/domain, src/application, src/infrastructure or src/presentation`,
      });
      continue;
    }
    const rule = DEPENDENCY_RULES[layer];
    const { specifiers, computed } = importSpecifiers(source);
    if (computed > 0) {
      violations.push({
        file,
        specifier: "import(…)",
        message: `${file} has a dynamic import with a computed specifier, which no one can check`,
      });
    }
    for (const specifier of specifiers) {
      const message = checkImport(file, layer, rule, specifier);
      if (message !== undefined) violations.push({ file, specifier, message });
    }
  }
  return violations;
}

function checkImport(file: string, layer: Layer, rule: LayerRule, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) {
    if (rule.packages) return undefined;
    return `${file} imports the package "${specifier}": ${layer} may not import packages or Node built-ins`;
  }
  const target = posix.normalize(posix.join(posix.dirname(file), specifier));
  const targetLayer = layerOf(target);
  if (targetLayer === undefined) return `${file} imports "${specifier}", which is outside the layers of src/`;
  if (rule.layers.includes(targetLayer)) return undefined;
  return `${file} imports "${specifier}" (${targetLayer}): ${layer} may import only ${rule.layers.join(", ")}`;
}
