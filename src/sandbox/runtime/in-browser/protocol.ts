/**
 * Messages between the page (the runtime) and a process worker, and between the page and the
 * stripper worker. Everything crosses as structured-cloneable data.
 */

/** One import found by es-module-lexer in stripped code: positions into `code`. */
export interface LexedImport {
  /** Specifier start/end (string contents for literals, the expression for dynamic imports). */
  readonly s: number;
  readonly e: number;
  /** Statement start/end. */
  readonly ss: number;
  readonly se: number;
  /** -1 static, -2 import.meta, ≥0 dynamic import. */
  readonly d: number;
  /** The specifier when it is a plain string. */
  readonly n?: string;
}

/** A type-stripping error shaped like Node's (ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX / ERR_INVALID_TYPESCRIPT_SYNTAX). */
export interface StripError {
  readonly code: "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX" | "ERR_INVALID_TYPESCRIPT_SYNTAX";
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** Node's snippet: the source line and a ^^^ marker under the offending code. */
  readonly snippet: string;
}

/** A source file ready to load: JavaScript after type stripping (positions unchanged), or why it cannot load. */
export type CompiledModule =
  | { readonly ok: true; readonly code: string; readonly imports: readonly LexedImport[] }
  | { readonly ok: false; readonly error: StripError };

export interface StripRequest {
  readonly id: number;
  readonly path: string;
  readonly source: string;
}
export interface StripResponse {
  readonly id: number;
  readonly module: CompiledModule;
  readonly millis: number;
}

/** What a process worker needs to start: its files, its argv, and where the runtime's modules are. */
export interface ProcessInit {
  readonly pid: number;
  readonly example: string;
  /** Absolute path of the example folder inside the process (`/sandbox/<example>`). */
  readonly root: string;
  readonly files: Readonly<Record<string, string>>;
  /** Stripped modules for every .ts/.js/.mjs file of `files`. */
  readonly modules: Readonly<Record<string, CompiledModule>>;
  /** Specifier (`hono`, `node:test`) → absolute same-origin URL. */
  readonly moduleUrls: Readonly<Record<string, string>>;
  /** Package → environment variable, for the real-server drivers the runtime refuses. */
  readonly serverDrivers: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string>>;
  /** process.argv after "node". */
  readonly argv: readonly string[];
  readonly execArgv: readonly string[];
  /** The file to run, relative to root. */
  readonly entry: string;
  /** A test-file process (`node --test` child) or a program. */
  readonly mode: "test" | "program";
  /** `--test-timeout`, Infinity when absent. */
  readonly testTimeoutMs: number;
}

export interface WireRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: ArrayBuffer | null;
}

export interface WireResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: ArrayBuffer;
}

/** Counts of one test file, summed by the page into node --test's totals. */
export interface TestCounts {
  tests: number;
  suites: number;
  pass: number;
  fail: number;
  cancelled: number;
  skipped: number;
  todo: number;
}

export type ToWorker =
  | { readonly type: "start"; readonly init: ProcessInit }
  | { readonly type: "signal"; readonly signal: "SIGTERM" | "SIGINT" }
  | { readonly type: "request"; readonly id: number; readonly port: number; readonly request: WireRequest }
  | { readonly type: "listen-result"; readonly id: number; readonly port?: number; readonly error?: string }
  | {
      readonly type: "remote-response";
      readonly id: number;
      readonly response?: WireResponse;
      readonly refused?: boolean;
      readonly error?: string;
    };

export type FromWorker =
  | { readonly type: "output"; readonly stream: "stdout" | "stderr"; readonly text: string }
  | { readonly type: "exit"; readonly code: number }
  | { readonly type: "listen"; readonly id: number; readonly port: number }
  | { readonly type: "unlisten"; readonly port: number }
  | {
      readonly type: "response";
      readonly id: number;
      readonly response?: WireResponse;
      readonly refused?: boolean;
      readonly error?: string;
    }
  | { readonly type: "remote-fetch"; readonly id: number; readonly port: number; readonly request: WireRequest }
  | {
      readonly type: "test-report";
      readonly counts: TestCounts;
      /** The "failing tests" entries, already formatted like Node's spec reporter. */
      readonly failures: readonly string[];
    };
