/**
 * The stripper worker: type-strips files with amaro (Node's stripper, WASM) and lists their
 * imports with es-module-lexer. It lives in a worker because browsers refuse to compile a large
 * WebAssembly module synchronously on the main thread, and amaro compiles synchronously.
 */
import type { CompiledModule, StripRequest, StripResponse } from "./protocol.ts";
import { lexImports } from "./strip/lex-imports.ts";
import { stripLikeNode, TypeScriptSyntaxError } from "./strip/strip-like-node.ts";

async function compile(path: string, source: string): Promise<CompiledModule> {
  let code = source;
  if (/\.[cm]?ts$/.test(path)) {
    try {
      code = stripLikeNode(source);
    } catch (error) {
      if (error instanceof TypeScriptSyntaxError) return { ok: false, error: error.detail };
      throw error;
    }
  }
  try {
    return { ok: true, code, imports: await lexImports(code, path) };
  } catch (error) {
    // A JavaScript syntax error: the engine reports it with its own message when the module loads.
    void error;
    return { ok: true, code, imports: [] };
  }
}

self.addEventListener("message", (event: MessageEvent<StripRequest>) => {
  const { id, path, source } = event.data;
  const started = performance.now();
  void compile(path, source).then(
    (module) =>
      (self as unknown as Worker).postMessage({
        id,
        module,
        millis: performance.now() - started,
      } satisfies StripResponse),
    (error: unknown) =>
      (self as unknown as Worker).postMessage({
        id,
        module: {
          ok: false,
          error: { code: "ERR_INVALID_TYPESCRIPT_SYNTAX", message: String(error), line: 1, column: 0, snippet: "" },
        },
        millis: performance.now() - started,
      } satisfies StripResponse),
  );
});
