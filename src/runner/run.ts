/**
 * One run: a `node` process group in its own workspace (and its own cgroup where the machine has
 * one), watched by the limits, ended by stop/timeout/idle/output cap, and always cleaned up (no
 * process, not even one that left the group, and no directory) before its exit is reported.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ExitInfo, OutputStream, RunCommand } from "../sandbox/runtime/port.ts";
import type { Containment } from "./containment.ts";
import type { RunnerLimits } from "./limits.ts";
import { killGroup, spawnNodeGroup } from "./process-group.ts";
import type { RunWorkspace } from "./run-workspace.ts";
import { isListening } from "./tcp-port.ts";

export type RunEvent =
  | { readonly type: "output"; readonly stream: OutputStream; readonly text: string }
  | { readonly type: "listening"; readonly port: number }
  | { readonly type: "exit"; readonly exit: ExitInfo };

type StopReason = Exclude<ExitInfo["reason"], "exited" | "error">;

export interface ActiveRun {
  readonly id: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** True once the process listens on its port (only watched for `start` and `node` runs). */
  readonly listening: boolean;
  /** Resolves after the process group is gone and the workspace removed. */
  readonly finished: Promise<ExitInfo>;
  /** Ends the run for the given reason; resolves when it has finished. */
  stop(reason: StopReason): Promise<ExitInfo>;
  /** Marks the service as used, restarting its idle timer. */
  touch(): void;
}

export interface StartRunOptions {
  readonly id: string;
  readonly command: RunCommand;
  readonly args: readonly string[];
  readonly workspace: RunWorkspace;
  readonly port: number;
  readonly limits: RunnerLimits;
  readonly containment: Containment;
  readonly onEvent: (event: RunEvent) => void;
}

const POLL_MS = 100;
// Only what a Node program needs; the server's own environment (tokens, CI secrets, NODE_OPTIONS,
// a surrounding test runner's NODE_TEST_CONTEXT) stays out of the reader's process.
const PASSED_ENV = ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "SystemRoot", "USERPROFILE"];

function childEnv(port: number, marker: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of PASSED_ENV) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  // The page renders output in a terminal emulator, so colours are welcome.
  return { ...env, ...marker, PORT: String(port), HOST: "127.0.0.1", FORCE_COLOR: "1" };
}

function stopMessage(reason: StopReason, limits: RunnerLimits, port: number): string {
  switch (reason) {
    case "killed":
      return "Stopped.";
    case "timeout":
      return `Stopped after ${limits.runTimeoutMs / 1000} s, the time limit for a run.`;
    case "idle":
      return `Stopped after ${limits.idleTimeoutMs / 60_000} min without requests.`;
    case "output-limit":
      return `Stopped after ${limits.maxOutputBytes} bytes of output, the output limit.`;
    case "never-listened":
      return `The service did not listen on its port (PORT=${port}) within ${limits.listenTimeoutMs / 1000} s.`;
  }
}

/** Starts the process for a run; events arrive through `onEvent`, the exit event last. */
export function startRun(options: StartRunOptions): ActiveRun {
  const { command, containment, limits, onEvent, port, workspace } = options;
  const child = spawnNodeGroup(options.args, { cwd: workspace.dir, env: childEnv(port, containment.env) });
  const pgid = child.pid;
  if (pgid !== undefined) containment.adopt(pgid);
  const watchesPort = command.kind !== "test";

  let stopReason: StopReason | undefined;
  let spawnError: Error | undefined;
  let listening = false;
  let exited = false;
  let outputBytes = 0;
  let idleTimer: NodeJS.Timeout | undefined;
  let resolveFinished!: (exit: ExitInfo) => void;
  const finished = new Promise<ExitInfo>((resolve) => {
    resolveFinished = resolve;
  });

  /** The group, then everything that left it (cgroup.kill, marker and folder sweep). */
  const endEverything = async () => {
    if (pgid !== undefined) await killGroup(pgid, limits.killGraceMs).catch(() => undefined);
    await containment.endAll().catch((error: unknown) => console.error(`[runner] run ${options.id}:`, error));
  };

  const stop = async (reason: StopReason): Promise<ExitInfo> => {
    if (!finishing && stopReason === undefined) {
      // Also after the leader exited: an escaped child may still be running and holding the output pipes.
      stopReason = reason;
      await endEverything();
      drainThenFinish();
    }
    return finished;
  };

  const runTimer = setTimeout(() => void stop("timeout"), limits.runTimeoutMs);
  const listenTimer =
    command.kind === "start" ? setTimeout(() => void stop("never-listened"), limits.listenTimeoutMs) : undefined;
  const touch = () => {
    if (!listening) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void stop("idle"), limits.idleTimeoutMs);
  };

  const forward = (stream: OutputStream) => (text: string) => {
    if (stopReason === "output-limit") return;
    const bytes = Buffer.byteLength(text, "utf8");
    if (outputBytes + bytes > limits.maxOutputBytes) {
      const room = limits.maxOutputBytes - outputBytes;
      outputBytes = limits.maxOutputBytes;
      if (room > 0)
        onEvent({ type: "output", stream, text: Buffer.from(text, "utf8").subarray(0, room).toString("utf8") });
      void stop("output-limit");
      return;
    }
    outputBytes += bytes;
    onEvent({ type: "output", stream, text });
  };
  child.stdout.setEncoding("utf8").on("data", forward("stdout"));
  child.stderr.setEncoding("utf8").on("data", forward("stderr"));

  const watchPort = async () => {
    while (!exited && stopReason === undefined) {
      if (await isListening(port)) {
        if (exited || stopReason !== undefined) return;
        listening = true;
        clearTimeout(listenTimer);
        // A service that listens is governed by the idle timeout instead of the run time limit.
        clearTimeout(runTimer);
        touch();
        onEvent({ type: "listening", port });
        return;
      }
      await sleep(POLL_MS);
    }
  };
  if (watchesPort) void watchPort();

  let afterExit: Promise<void> | undefined;
  let exitCode: number | null = null;
  let exitSignal: NodeJS.Signals | null = null;
  child.once("exit", (code, signal) => {
    exitCode = code;
    exitSignal = signal;
    exited = true;
    // The leader is gone; anything it left behind goes too, in the group or not, which also closes the pipes.
    afterExit = endEverything();
    void afterExit.then(drainThenFinish);
  });
  child.once("error", (error) => {
    spawnError = error;
    if (pgid === undefined) void finish();
  });
  child.once("close", () => void finish());

  // The pipes normally close once every process is gone; if something the runner could not find still holds
  // them, the run ends after a short drain all the same, so DELETE, the time limit and shutdown always complete.
  let drainTimer: NodeJS.Timeout | undefined;
  function drainThenFinish(): void {
    if (finishing || drainTimer) return;
    drainTimer = setTimeout(() => {
      child.stdout.destroy();
      child.stderr.destroy();
      void finish();
    }, limits.drainTimeoutMs);
  }

  let finishing = false;
  async function finish(): Promise<void> {
    if (finishing) return;
    finishing = true;
    exited = true;
    clearTimeout(runTimer);
    clearTimeout(listenTimer);
    clearTimeout(idleTimer);
    clearTimeout(drainTimer);
    // After a plain exit the sweep that followed it is enough; otherwise (spawn error, a stop) sweep now.
    await (afterExit ?? endEverything());
    await workspace.remove();
    const exit: ExitInfo =
      spawnError && pgid === undefined
        ? { code: null, signal: null, reason: "error", message: `Could not start node: ${spawnError.message}` }
        : stopReason
          ? { code: exitCode, signal: exitSignal, reason: stopReason, message: stopMessage(stopReason, limits, port) }
          : { code: exitCode, signal: exitSignal, reason: "exited" };
    onEvent({ type: "exit", exit });
    resolveFinished(exit);
  }

  return {
    id: options.id,
    port,
    pid: pgid,
    get listening() {
      return listening;
    },
    finished,
    stop,
    touch,
  };
}
