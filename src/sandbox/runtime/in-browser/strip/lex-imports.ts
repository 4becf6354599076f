/**
 * The imports of a JavaScript module (type-stripped TypeScript included), with es-module-lexer 3,
 * in the runtime's own shape: positions to rewrite, and the specifier when it is a plain string.
 */
import { init, parse } from "es-module-lexer";
import type { LexedImport } from "../protocol.ts";

export async function lexImports(code: string, path: string): Promise<LexedImport[]> {
  await init();
  const [imports] = parse(code, path);
  return imports.map((entry): LexedImport => {
    if (entry.type === "import-meta") return { s: entry.start, e: entry.end, ss: entry.start, se: entry.end, d: -2 };
    if (entry.type === "dynamic")
      return {
        s: entry.start,
        e: entry.end,
        ss: entry.importStart,
        se: entry.importEnd,
        d: entry.dynamicStart,
        ...(entry.specifier === undefined || entry.glob ? {} : { n: entry.specifier }),
      };
    return { s: entry.start, e: entry.end, ss: entry.importStart, se: entry.importEnd, d: -1, n: entry.specifier };
  });
}
