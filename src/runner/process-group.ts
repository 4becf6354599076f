/**
 * Runs `node` in a process group of its own, so stopping a run also stops everything it
 * started (the test runner's per-file children, a server a test forgot to close).
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";

export type GroupChild = ChildProcessByStdio<null, Readable, Readable>;

/** Starts this Node binary with the given arguments as the leader of a new process group; no shell. */
export function spawnNodeGroup(args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): GroupChild {
  return spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    shell: false,
    stdio: ["ignore", "pipe", "pipe"],
    windowsHide: true,
  });
}

/** True while any process of the group is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    // EPERM means a process exists that we may not signal; treat it as alive rather than lose track of it.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function waitUntilGone(pgid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() >= deadline) return false;
    await sleep(25);
  }
  return true;
}

/** SIGTERM to the whole group, SIGKILL after the grace period; resolves once no process of the group is left. */
export async function killGroup(pgid: number, graceMs: number): Promise<void> {
  if (!groupAlive(pgid)) return;
  signalGroup(pgid, "SIGTERM");
  if (await waitUntilGone(pgid, graceMs)) return;
  signalGroup(pgid, "SIGKILL");
  if (!(await waitUntilGone(pgid, 5_000))) {
    throw new Error(`Process group ${pgid} survived SIGKILL.`);
  }
}
