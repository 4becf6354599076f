/**
 * Which runtimes can run examples on this page, in order of preference, with the reason when one
 * cannot: the local runner when the guide's own server answers the handshake (real Node, so the
 * default under `npm start` and `npm run dev`); the in-browser runtime, which needs nothing but the
 * site's own files (so the default on a static host); WebContainer when the page is cross-origin
 * isolated in a capable, online browser (full Node and npm, from StackBlitz).
 */
import { currentBrowserEnvironment, webContainerBlocker, type BrowserEnvironment } from "./browser-environment.ts";
import { createFetchedDependencySource } from "./dependency-snapshots.ts";
import { createLocalRunnerRuntime, fetchRunnerHandshake } from "./local-runner.adapter.ts";
import { RuntimeUnavailableError, type Runtime, type RuntimeKind, type UnavailableReason } from "./port.ts";
import { sharedWebContainerRuntime } from "./webcontainer.adapter.ts";

export type RuntimeAvailability =
  | { readonly available: true }
  | { readonly available: false; readonly reason: UnavailableReason; readonly message: string };

/** One runtime as detected: whether it can run here, and how to get it (nothing boots before connect()). */
export interface DetectedRuntime {
  readonly kind: RuntimeKind;
  readonly availability: RuntimeAvailability;
  connect(): Promise<Runtime>;
}

export interface DetectOptions {
  /** Origin of the guide's server; empty means the page's own. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly environment?: BrowserEnvironment;
  /** Where the build published the WebContainer dependency snapshots. */
  readonly snapshotsUrl?: string;
  /**
   * Loads the in-browser runtime, on first use only; without it that runtime is not offered.
   * The caller wraps it (e.g. with the preview) before it reaches the session.
   */
  readonly inBrowser?: () => Promise<Runtime>;
  /** Whether this browser has what the in-browser runtime needs (module Workers, WebAssembly); read from the page by default. */
  readonly inBrowserSupported?: boolean;
}

/** Why the in-browser runtime cannot run here, before trying; undefined when it may. */
export function inBrowserBlocker(supported: boolean): RuntimeUnavailableError | undefined {
  return supported
    ? undefined
    : new RuntimeUnavailableError(
        "unsupported-browser",
        "This browser lacks Web Workers or WebAssembly, which the in-browser runtime needs.",
      );
}

function browserCanRunWorkers(): boolean {
  return typeof Worker === "function" && typeof WebAssembly === "object";
}

function unavailable(error: unknown): RuntimeAvailability {
  if (error instanceof RuntimeUnavailableError)
    return { available: false, reason: error.reason, message: error.message };
  return { available: false, reason: "no-local-runner", message: String(error) };
}

/** The runtimes in order of preference (local, in-browser, WebContainer), each with its availability. */
export async function detectRuntimes(options: DetectOptions = {}): Promise<DetectedRuntime[]> {
  const adapterOptions = { baseUrl: options.baseUrl, fetch: options.fetch };
  const local: RuntimeAvailability = await fetchRunnerHandshake(adapterOptions).then(
    () => ({ available: true }) as const,
    unavailable,
  );
  const blocker = webContainerBlocker(options.environment ?? currentBrowserEnvironment());
  const inBrowser = options.inBrowser;
  const inBrowserBlocked = inBrowserBlocker(options.inBrowserSupported ?? browserCanRunWorkers());
  return [
    { kind: "local", availability: local, connect: async () => createLocalRunnerRuntime(adapterOptions) },
    ...(inBrowser
      ? [
          {
            kind: "browser" as const,
            availability: inBrowserBlocked ? unavailable(inBrowserBlocked) : ({ available: true } as const),
            connect: inBrowser,
          },
        ]
      : []),
    {
      kind: "webcontainer",
      availability: blocker ? unavailable(blocker) : { available: true },
      connect: async () =>
        sharedWebContainerRuntime({
          dependencies: createFetchedDependencySource({ baseUrl: options.snapshotsUrl, fetch: options.fetch }),
        }),
    },
  ];
}
