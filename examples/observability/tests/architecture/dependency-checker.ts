/**
 * Checks a dependency rule over source files. The parsing is es-module-lexer's: it lexes TypeScript
 * as written (so `import type` counts too), skips comments and strings, and reports every static,
 * re-exported and dynamic import. What is left here is the rule itself: which layer a path is in,
 * and what each layer may import.
 */
import { init, parse } from "es-module-lexer";
import { posix } from "node:path";

/** What the files of one layer may import: these layers, and packages (npm and `node:` built-ins) or not. */
export type LayerRule = { readonly mayImport: readonly string[]; readonly packages: boolean };

/** The rule for each layer, by folder under src/; "composition-root" is for the files directly in src/. */
export type DependencyRules = Readonly<Record<string, LayerRule>>;

/** One broken rule: which file, which import, and a message naming the rule. */
export type Violation = { readonly file: string; readonly specifier: string; readonly message: string };

/** The layer of a path like "src/domain/order.entity.ts", or undefined when it lies in no layer. */
export function layerOf(path: string, rules: DependencyRules): string | undefined {
  const parts = path.split("/");
  if (parts[0] !== "src" || parts.length < 2) return undefined;
  const layer = parts.length === 2 ? "composition-root" : (parts[1] ?? "");
  return Object.hasOwn(rules, layer) ? layer : undefined;
}

/** Every import of one file: its specifier (undefined when computed at run time) and whether it is type-only. */
export async function importsOf(source: string): Promise<{ specifier: string | undefined; typeOnly: boolean }[]> {
  await init;
  const [imports] = parse(source);
  return imports
    .filter((entry) => entry.type !== "import-meta")
    .map((entry) => ({
      // A template with `${…}` comes back as a glob such as "./*.ts": as unknowable as any expression.
      specifier: entry.type === "dynamic" && entry.glob ? undefined : (entry.specifier ?? undefined),
      typeOnly: entry.type !== "dynamic" && entry.typeOnly,
    }));
}

/** Checks every file (path relative to the example, e.g. "src/domain/order.entity.ts" → its source). */
export async function findViolations(files: ReadonlyMap<string, string>, rules: DependencyRules): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const [file, source] of files) {
    const layer = layerOf(file, rules);
    if (layer === undefined) {
      const layers = Object.keys(rules).filter((name) => name !== "composition-root");
      const message = `${file} is in no layer: put it in ${layers.map((name) => `src/${name}`).join(", ")}`;
      violations.push({ file, specifier: "", message });
      continue;
    }
    for (const { specifier } of await importsOf(source)) {
      const message =
        specifier === undefined
          ? `${file} has a dynamic import with a computed specifier, which no one can check`
          : checkImport(file, layer, rules, specifier);
      if (message !== undefined) violations.push({ file, specifier: specifier ?? "import(…)", message });
    }
  }
  return violations;
}

function checkImport(file: string, layer: string, rules: DependencyRules, specifier: string): string | undefined {
  const rule = rules[layer];
  if (rule === undefined) return undefined;
  if (!specifier.startsWith(".")) {
    if (rule.packages) return undefined;
    return `${file} imports the package "${specifier}": ${layer} may not import packages or Node built-ins`;
  }
  const targetLayer = layerOf(posix.normalize(posix.join(posix.dirname(file), specifier)), rules);
  if (targetLayer === undefined) return `${file} imports "${specifier}", which is outside the layers of src/`;
  if (rule.mayImport.includes(targetLayer)) return undefined;
  return `${file} imports "${specifier}" (${targetLayer}): ${layer} may import only ${rule.mayImport.join(", ")}`;
}
