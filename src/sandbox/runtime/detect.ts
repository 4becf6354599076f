/**
 * Which runtimes can run examples on this page, with the reason when one cannot: the local
 * runner when the guide's own server answers the handshake (preferred: real Node, offline),
 * WebContainer when the page is cross-origin isolated in a capable, online browser.
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
}

function unavailable(error: unknown): RuntimeAvailability {
  if (error instanceof RuntimeUnavailableError)
    return { available: false, reason: error.reason, message: error.message };
  return { available: false, reason: "no-local-runner", message: String(error) };
}

/** Both runtimes in order of preference (local first), each with its availability. */
export async function detectRuntimes(options: DetectOptions = {}): Promise<DetectedRuntime[]> {
  const adapterOptions = { baseUrl: options.baseUrl, fetch: options.fetch };
  const local: RuntimeAvailability = await fetchRunnerHandshake(adapterOptions).then(
    () => ({ available: true }) as const,
    unavailable,
  );
  const blocker = webContainerBlocker(options.environment ?? currentBrowserEnvironment());
  return [
    { kind: "local", availability: local, connect: async () => createLocalRunnerRuntime(adapterOptions) },
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
