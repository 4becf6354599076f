/**
 * The fallback for machines without a writable cgroup v2: every process of a run carries an
 * environment marker (FIELD_GUIDE_RUN=<run id>) and starts in the run folder, so after the run the
 * runner finds the ones that left its process group (a detached child, a double-forked daemon) by
 * reading /proc: a process whose environment has the marker or whose working directory is under
 * the run folder is killed. A process that both clears its environment and leaves the folder
 * escapes this sweep; only the cgroup (run-cgroup.ts) closes that gap. Linux only: elsewhere the
 * process group is all there is.
 */
import { readdir, readFile, readlink } from "node:fs/promises";
import { sep } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** The environment variable every run's processes inherit. */
export const RUN_MARKER = "FIELD_GUIDE_RUN";

export interface SweepTarget {
  /** The run's id, the marker's value. */
  readonly runId: string;
  /** The run folder (real path): any process working inside it belongs to the run. */
  readonly runDir: string;
}

async function belongsToRun(pid: string, target: SweepTarget): Promise<boolean> {
  const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => "");
  // A folder that was deleted under a process reads as "<path> (deleted)".
  const folder = cwd.endsWith(" (deleted)") ? cwd.slice(0, -" (deleted)".length) : cwd;
  if (folder === target.runDir || folder.startsWith(target.runDir + sep)) return true;
  const environ = await readFile(`/proc/${pid}/environ`).catch(() => undefined);
  return environ !== undefined && environ.toString("utf8").split("\0").includes(`${RUN_MARKER}=${target.runId}`);
}

/** Pids of live processes that belong to the run by marker or working directory (never this process). */
export async function findRunProcesses(target: SweepTarget): Promise<number[]> {
  const entries = await readdir("/proc").catch(() => [] as string[]);
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    if (await belongsToRun(entry, target)) found.push(Number(entry));
  }
  return found;
}

/** True when this machine exposes other processes' environment and working directory (Linux /proc). */
export function canSweep(): boolean {
  return process.platform === "linux";
}

/**
 * SIGKILLs every process of the run found by marker or folder, repeating until none is left (a
 * process may fork while it is being killed); resolves with how many were killed.
 */
export async function sweepRunProcesses(target: SweepTarget, timeoutMs = 5_000): Promise<number> {
  if (!canSweep()) return 0;
  const deadline = Date.now() + timeoutMs;
  const killed = new Set<number>();
  for (;;) {
    const found = await findRunProcesses(target);
    // Zombies still show up until reaped; they hold no port or pipe, so only live ones count.
    const alive = [];
    for (const pid of found) if (!(await isZombie(pid))) alive.push(pid);
    if (alive.length === 0) return killed.size;
    for (const pid of alive) {
      try {
        process.kill(pid, "SIGKILL");
        killed.add(pid);
      } catch {
        // Gone already, or not ours to signal.
      }
    }
    if (Date.now() > deadline)
      throw new Error(`Processes of run ${target.runId} survived SIGKILL: ${alive.join(", ")}`);
    await sleep(25);
  }
}

async function isZombie(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // The state is the field after the command name, which is in parentheses and may itself contain spaces.
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z" || stat === "";
}
