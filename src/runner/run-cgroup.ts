/**
 * Runs in cgroups where Linux offers a writable cgroup v2: each run gets a cgroup of its own under
 * `field-guide-runner-<pid>-<n>` (one per runner of a guide process, so guides on one machine never
 * touch each other's), its leader is moved in right after spawn (before Node has even started the reader's
 * code), and everything it ever starts stays in it whatever it does (new session, double fork, new
 * environment, another folder). Ending the run writes `cgroup.kill`, which kills every member at
 * once; `pids.max` and `memory.max` cap fork bombs and memory where those controllers are enabled.
 */
import { constants, writeFileSync } from "node:fs";
import { access, mkdir, readdir, readFile, rmdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { processAlive } from "./process-liveness.ts";

const PARENT_PREFIX = "field-guide-runner-";
/** Runners created in this process so far: each gets a parent of its own (tests start several in one process). */
let runnersInThisProcess = 0;

/** Caps a run's cgroup applies when its controllers are available. */
export interface CgroupCaps {
  readonly maxProcesses: number;
  readonly maxMemoryBytes: number;
}

/** One run's cgroup. */
export interface RunCgroup {
  readonly path: string;
  /** Moves a process into the cgroup; its future children are born there. */
  adopt(pid: number): void;
  /** Kills every process in the cgroup, waits until it is empty, and removes it. */
  killAndRemove(): Promise<void>;
}

/** The guide process's parent cgroup for its runs, or why there is none. */
export type CgroupHome =
  | {
      readonly available: true;
      readonly path: string;
      /** Controllers enabled for the runs' cgroups (pids, memory), each only where the machine allows it. */
      readonly controllers: ReadonlySet<string>;
      create(runId: string, caps: CgroupCaps): Promise<RunCgroup>;
      /** Removes the parent cgroup (its runs are gone by then). */
      close(): Promise<void>;
    }
  | { readonly available: false; readonly reason: string };

/** The cgroup2 mount point, from /proc/self/mountinfo. */
async function cgroup2Mount(): Promise<string | undefined> {
  const mountinfo = await readFile("/proc/self/mountinfo", "utf8").catch(() => "");
  for (const line of mountinfo.split("\n")) {
    const [before, after] = line.split(" - ");
    if (after?.startsWith("cgroup2 ")) return before?.split(" ")[4];
  }
  return undefined;
}

/** This process's own cgroup v2 path (the `0::/…` line of /proc/self/cgroup). */
async function ownCgroupPath(): Promise<string | undefined> {
  const lines = (await readFile("/proc/self/cgroup", "utf8").catch(() => "")).split("\n");
  return lines.find((line) => line.startsWith("0::"))?.slice(3);
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

/** Kills every member of a cgroup and removes it once it is empty (a killed task may keep it busy for a moment). */
async function killCgroup(path: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await writeFile(join(path, "cgroup.kill"), "1").catch(() => undefined);
    const removed = await rmdir(path).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return true;
        if (error.code !== "EBUSY") throw error;
        return false;
      },
    );
    if (removed) return;
    if (Date.now() > deadline) {
      const members = (await readFile(join(path, "cgroup.procs"), "utf8").catch(() => "")).trim();
      throw new Error(`cgroup ${path} is still busy after cgroup.kill (members: ${members || "none listed"})`);
    }
    await sleep(20);
  }
}

/**
 * Sets up this guide process's parent cgroup, or says why it cannot (no cgroup v2, not writable,
 * a kernel without cgroup.kill). Also removes parents left by guide processes that are gone,
 * killing what is still in them; a live guide's parent is never touched.
 */
export async function openCgroupHome(): Promise<CgroupHome> {
  if (process.platform !== "linux") return { available: false, reason: "cgroups exist only on Linux" };
  const mount = await cgroup2Mount();
  if (!mount) return { available: false, reason: "no cgroup v2 hierarchy is mounted" };
  const own = await ownCgroupPath();
  if (own === undefined) return { available: false, reason: "this process has no cgroup v2 path" };
  const base = join(mount, own);
  await removeStaleParents(base);
  runnersInThisProcess += 1;
  const path = join(base, `${PARENT_PREFIX}${process.pid}-${runnersInThisProcess}`);
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST")
      return { available: false, reason: `the cgroup v2 tree at ${base} is not writable (${code})` };
  }
  if (!(await exists(join(path, "cgroup.kill")))) {
    await rmdir(path).catch(() => undefined);
    return { available: false, reason: "this kernel has no cgroup.kill (Linux 5.14 or newer has it)" };
  }
  const controllers = new Set<string>();
  for (const controller of ["pids", "memory"]) {
    // Possible only where the parent delegates the controller to us; each is tried on its own.
    const enabled = await writeFile(join(path, "cgroup.subtree_control"), `+${controller}`).then(
      () => true,
      () => false,
    );
    if (enabled) controllers.add(controller);
  }
  return {
    available: true,
    path,
    controllers,
    async create(runId, caps) {
      const runPath = join(path, `run-${runId}`);
      await mkdir(runPath);
      if (controllers.has("pids")) await writeFile(join(runPath, "pids.max"), String(caps.maxProcesses));
      if (controllers.has("memory")) await writeFile(join(runPath, "memory.max"), String(caps.maxMemoryBytes));
      return {
        path: runPath,
        // Synchronous on purpose: it runs right after spawn() returns, before the child's Node has started.
        adopt: (pid) => writeFileSync(join(runPath, "cgroup.procs"), String(pid)),
        killAndRemove: () => killCgroup(runPath),
      };
    },
    async close() {
      for (const child of await readdir(path, { withFileTypes: true }).catch(() => [])) {
        if (child.isDirectory()) await killCgroup(join(path, child.name)).catch(() => undefined);
      }
      await rmdir(path).catch(() => undefined);
    },
  };
}

/** Removes `field-guide-runner-<pid>-<n>` cgroups whose guide process is gone, killing what they still hold. */
export async function removeStaleParents(base: string): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(base, { withFileTypes: true }).catch(() => [])) {
    const match = new RegExp(`^${PARENT_PREFIX}(\\d+)-\\d+$`).exec(entry.name);
    if (!entry.isDirectory() || !match || processAlive(Number(match[1]))) continue;
    const parent = join(base, entry.name);
    for (const child of await readdir(parent, { withFileTypes: true }).catch(() => [])) {
      if (child.isDirectory()) await killCgroup(join(parent, child.name)).catch(() => undefined);
    }
    await rmdir(parent).then(
      () => removed.push(parent),
      () => undefined,
    );
  }
  return removed;
}
