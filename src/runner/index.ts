/**
 * The local runner: runs the reader's edited example on this machine for the guide's own Node
 * server (`npm start`) and `astro dev`. See README.md beside this file for how it is secured.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { resolveLimits, type RunnerLimits } from "./limits.ts";
import { createRunnerApp, RUNNER_BASE, type RunRegistry } from "./runner-app.ts";
import type { ContainmentMode } from "./containment.ts";
import { createToken } from "./request-guard.ts";
import { openCgroupHome, type CgroupHome } from "./run-cgroup.ts";
import { removeStaleRunFolders } from "./run-workspace.ts";

export { DEFAULT_LIMITS, type RunnerLimits } from "./limits.ts";
export { RUNNER_BASE } from "./runner-app.ts";

export interface LocalRunnerOptions {
  /** Folder whose node_modules every run links to (the npm workspaces root). */
  readonly projectRoot: string;
  /** Folder holding one folder per example. */
  readonly examplesDir: string;
  /**
   * Host header values the guide answers to. Default: localhost, 127.0.0.1 and [::1] on the port
   * the request arrived on, which is right whenever the server listens on loopback directly.
   */
  readonly allowedHosts?: readonly string[];
  readonly limits?: Partial<RunnerLimits>;
  /** The per-start secret; random unless a test fixes it. */
  readonly token?: string;
  /** Where run directories are created; the OS temp dir by default. */
  readonly tempRoot?: string;
  /**
   * "auto" (default): each run in a cgroup of its own where a writable cgroup v2 exists, plus the
   * marker sweep; "marker": the marker sweep only (what machines without cgroup v2 get).
   */
  readonly containment?: ContainmentMode;
}

export interface LocalRunner {
  /** Answers the request and resolves true if it is a /__runner/ request; resolves false (untouched) otherwise. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Stops every run (process groups killed, directories removed); later run requests are refused. */
  close(): Promise<void>;
  /** Ids of the runs alive right now. */
  activeRunIds(): string[];
  /** How runs are contained here: "cgroup" (with the controllers enabled) or "marker", with the reason. */
  containment(): Promise<{ readonly kind: "cgroup" | "marker"; readonly detail: string }>;
  /**
   * This start's secret, for the process that started the runner to print as a link and write to
   * the reader's 0600 token file. No HTTP endpoint returns it.
   */
  readonly token: string;
}

/** The link the reader opens: the page trades its `token` for the runner's cookie and removes it from the address bar. */
export function runnerLink(origin: string, token: string): string {
  return `${origin}/?token=${token}`;
}

/** True for paths the runner owns. */
export function isRunnerPath(url: string | undefined): boolean {
  return (
    url !== undefined && (url === RUNNER_BASE || url.startsWith(`${RUNNER_BASE}/`) || url.startsWith(`${RUNNER_BASE}?`))
  );
}

/** Creates the runner; mount `handle` in a node:http server that listens on 127.0.0.1 only. */
export function createLocalRunner(options: LocalRunnerOptions): LocalRunner {
  const limits = resolveLimits(options.limits);
  const token = options.token ?? createToken();
  const registry: RunRegistry = { runs: new Map(), starting: 0, closed: false };
  // Before the first run: leftovers of guide processes that are gone (run folders, cgroups) are removed,
  // and this process's cgroup for its runs is set up where the machine allows it.
  const setup: Promise<CgroupHome> = (async () => {
    const stale = await removeStaleRunFolders(options.tempRoot);
    if (stale.length > 0) console.log(`[runner] removed ${stale.length} run folder(s) left by earlier starts`);
    if (options.containment === "marker")
      return { available: false, reason: "the runner's options chose the marker sweep" };
    return openCgroupHome();
  })();
  const cgroupHome = setup.then((home) => (home.available ? home : undefined));
  const app = createRunnerApp(
    {
      projectRoot: options.projectRoot,
      examplesDir: options.examplesDir,
      limits,
      token,
      allowedHosts: options.allowedHosts,
      tempRoot: options.tempRoot,
      cgroupHome,
    },
    registry,
  );
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });

  return {
    async handle(request, response) {
      if (!isRunnerPath(request.url)) return false;
      await listener(request, response);
      return true;
    },
    async close() {
      registry.closed = true;
      await Promise.all([...registry.runs.values()].map((run) => run.stop("killed")));
      const home = await cgroupHome;
      if (home?.available) await home.close();
    },
    activeRunIds: () => [...registry.runs.keys()],
    async containment() {
      const home = await setup;
      return home.available
        ? { kind: "cgroup", detail: `${home.path} (controllers: ${[...home.controllers].join(", ") || "none"})` }
        : { kind: "marker", detail: home.reason };
    },
    token,
  };
}
