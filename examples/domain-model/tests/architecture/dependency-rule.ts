import { posix } from "node:path";

// The dependency rule as data, checked by a regex scan of import specifiers rather than the
// TypeScript compiler: typescript is only a devDependency and is absent in the browser sandbox.

/** The layer a file in src/ belongs to; `main.ts` is the composition root. */
export type Layer = "domain" | "application" | "infrastructure" | "presentation" | "composition-root";

/** A source file, its path relative to src/ with forward slashes (e.g. "domain/order.aggregate.ts"). */
export type SourceFile = { path: string; text: string };

/** One broken rule: which file, which import, and the rule in words. */
export type Violation = { file: string; specifier: string; rule: string };

/** Layers each layer may import from (relative imports inside src/). */
export const ALLOWED_LAYERS: Readonly<Record<Layer, readonly Layer[]>> = {
  domain: ["domain"],
  application: ["domain", "application"],
  infrastructure: ["domain", "application", "infrastructure"],
  presentation: ["domain", "application", "presentation"],
  "composition-root": ["domain", "application", "infrastructure", "presentation"],
};

/** Whether a layer may import packages (npm packages and node: built-ins). */
export const MAY_IMPORT_PACKAGES: Readonly<Record<Layer, boolean>> = {
  domain: false,
  application: false,
  infrastructure: true,
  presentation: true,
  "composition-root": true,
};

/** Which layer a path relative to src/ belongs to, or undefined if it is in none. */
export function layerOf(path: string): Layer | undefined {
  if (path === "main.ts") return "composition-root";
  const top = path.split("/")[0];
  return top === "domain" || top === "application" || top === "infrastructure" || top === "presentation"
    ? top
    : undefined;
}

/** Removes // and /* comments, leaving string literals intact, so commented-out imports do not count. */
export function stripComments(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    if (char === '"' || char === "'" || char === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== char) j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (char === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i += 1;
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

const STATIC_IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w$*{},\s]*?\s*from\s*)?(['"])([^'"\n]+)\1/g;
const DYNAMIC_IMPORT = /\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function importSpecifiers(text: string): string[] {
  const code = stripComments(text);
  return [...code.matchAll(STATIC_IMPORT), ...code.matchAll(DYNAMIC_IMPORT)].map((match) => match[2] ?? "");
}

/** Checks every file against the dependency rule and returns what breaks it (empty when all is well). */
export function checkDependencyRule(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const layer = layerOf(file.path);
    if (layer === undefined) {
      violations.push({ file: file.path, specifier: "", rule: "every file lives in a layer folder or is main.ts" });
      continue;
    }
    for (const specifier of importSpecifiers(file.text)) {
      const rule = brokenRule(layer, file.path, specifier);
      if (rule !== undefined) violations.push({ file: file.path, specifier, rule });
    }
  }
  return violations;
}

function brokenRule(layer: Layer, path: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) {
    return MAY_IMPORT_PACKAGES[layer] ? undefined : `${layer} imports no packages (not even node: built-ins)`;
  }
  const target = posix.normalize(posix.join(posix.dirname(path), specifier));
  if (target.startsWith("../")) return "imports stay inside src/";
  const targetLayer = layerOf(target);
  if (targetLayer === "composition-root") return "nothing imports the composition root (main.ts)";
  if (targetLayer === undefined) return "imports stay inside the layer folders";
  return ALLOWED_LAYERS[layer].includes(targetLayer) ? undefined : `${layer} must not import ${targetLayer}`;
}
