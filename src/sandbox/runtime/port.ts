/**
 * The runtime port: the one interface the sandbox UI uses to run an example,
 * whichever runtime (local runner, in-browser runtime or WebContainer) is behind it.
 */

/** Example files keyed by POSIX path relative to the example root, e.g. `src/main.ts`. */
export type FileMap = Readonly<Record<string, string>>;

/** What the reader can run: only the example's own scripts, never a free-form shell string. */
export type RunCommand =
  { readonly kind: "test" } | { readonly kind: "start" } | { readonly kind: "node"; readonly file: string };

export type OutputStream = "stdout" | "stderr";

export interface OutputChunk {
  readonly stream: OutputStream;
  readonly text: string;
}

/** How a process ended; `reason` says why when the runtime ended it rather than the program. */
export interface ExitInfo {
  readonly code: number | null;
  readonly signal: string | null;
  readonly reason: "exited" | "killed" | "timeout" | "idle" | "output-limit" | "never-listened" | "error";
  readonly message?: string;
}

/** One HTTP request to a running example service; `path` is relative to the service root, e.g. `/health/live`. */
export interface ServiceRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The service's answer, as the request panel shows it. */
export interface ServiceResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string;
}

/** A server the process started, and the URL the page fetches it through (same-origin where possible). */
export interface ServerReady {
  readonly port: number;
  readonly url: string;
  /**
   * Sends one request to the service the way this runtime can reach it (the local runner's
   * authenticated proxy, or from inside the WebContainer); rejects with ServiceNotRunningError
   * once the service has stopped.
   */
  request(request: ServiceRequest): Promise<ServiceResponse>;
}

export interface RunningProcess {
  readonly id: string;
  /** Resolves once, when the process has ended for any reason. */
  readonly exit: Promise<ExitInfo>;
  /** Resolves when the process listens on a port; rejects if it exits or times out first. */
  readonly serverReady: Promise<ServerReady>;
  /** Ends the process and everything it started; resolves after it is gone. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  readonly onOutput: (chunk: OutputChunk) => void;
}

export type RuntimeKind = "local" | "browser" | "webcontainer";

/** Why a runtime cannot be used, in terms the UI can explain to the reader. */
export type UnavailableReason =
  | "no-local-runner"
  /** The guide's server runs the local runner, but this browser has not opened the link with its token. */
  | "runner-needs-link"
  | "offline"
  | "unsupported-browser"
  | "not-cross-origin-isolated"
  | "storage-blocked"
  | "runtime-unreachable"
  | "boot-failed";

export class RuntimeUnavailableError extends Error {
  readonly reason: UnavailableReason;
  constructor(reason: UnavailableReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RuntimeUnavailableError";
    this.reason = reason;
  }
}

/** A request was sent to a service that is no longer running. */
export class ServiceNotRunningError extends Error {
  constructor(message = "The service is not running. Start it again to send requests.", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ServiceNotRunningError";
  }
}

export interface Runtime {
  readonly kind: RuntimeKind;
  /** Replaces the example's files in this runtime (one folder per example). */
  mount(example: string, files: FileMap): Promise<void>;
  /** Writes one file of a mounted example. */
  writeFile(example: string, path: string, contents: string): Promise<void>;
  /** Runs one of the example's commands with streamed output. */
  spawn(example: string, command: RunCommand, options: SpawnOptions): Promise<RunningProcess>;
  /** Ends every process and releases everything this runtime holds. */
  teardown(): Promise<void>;
}
