/**
 * Type stripping with Node's own stripper (amaro, swc compiled to WASM) and Node's options, so the
 * page accepts exactly the TypeScript that `node file.ts` accepts and refuses the rest with
 * Node's error codes and messages (an `enum` is ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX, as in Node).
 */
import { transformSync } from "amaro";
import type { StripError } from "../protocol.ts";

interface AmaroError {
  code?: string;
  message?: string;
  snippet?: string;
  startLine?: number;
  startColumn?: number;
}

export class TypeScriptSyntaxError extends SyntaxError {
  readonly code: StripError["code"];
  readonly detail: StripError;
  constructor(detail: StripError) {
    super(detail.message);
    this.code = detail.code;
    this.detail = detail;
  }
  override get name(): string {
    return `SyntaxError [${this.code}]`;
  }
}

/** Node's type stripping of one source: JavaScript with the same line and column positions, or a TypeScriptSyntaxError. */
export function stripLikeNode(source: string, mode: "strip" | "transform" = "strip"): string {
  try {
    return transformSync(source, { mode: mode === "strip" ? "strip-only" : "transform", sourceMap: false }).code;
  } catch (error) {
    const failure = error as AmaroError;
    if (failure?.code === "UnsupportedSyntax" || failure?.code === "InvalidSyntax") {
      const lines = (failure.snippet ?? "").replace(/\n$/, "").split("\n");
      throw new TypeScriptSyntaxError({
        code:
          failure.code === "UnsupportedSyntax" ? "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX" : "ERR_INVALID_TYPESCRIPT_SYNTAX",
        message: failure.message ?? "Invalid TypeScript",
        line: failure.startLine ?? 1,
        column: failure.startColumn ?? 0,
        // Node shows the offending line and its ^^^ marker, the last two lines of amaro's snippet.
        snippet: lines.slice(-2).join("\n"),
      });
    }
    throw error;
  }
}
