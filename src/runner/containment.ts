/**
 * What keeps a run's processes from outliving it, whichever the machine offers: its own cgroup v2
 * (run-cgroup.ts) where that is writable, and always the environment marker and /proc sweep
 * (process-sweep.ts) as well, so a run is swept even if moving it into its cgroup failed.
 */
import type { CgroupCaps, CgroupHome, RunCgroup } from "./run-cgroup.ts";
import { RUN_MARKER, sweepRunProcesses } from "./process-sweep.ts";

/** How the runner contains runs: "auto" uses a cgroup where it can; "marker" only the marker sweep (tests of that path). */
export type ContainmentMode = "auto" | "marker";

export interface Containment {
  /** "cgroup" when the run's leader is in a cgroup of its own, else "marker". */
  readonly kind: "cgroup" | "marker";
  /** Variables every process of the run inherits (the marker). */
  readonly env: Readonly<Record<string, string>>;
  /** Called right after spawn with the leader's pid. */
  adopt(pid: number): void;
  /** Ends every process of the run that is still anywhere (cgroup.kill, then the marker/folder sweep). */
  endAll(): Promise<void>;
}

export async function containRun(
  home: CgroupHome | undefined,
  target: { readonly runId: string; readonly runDir: string },
  caps: CgroupCaps,
): Promise<Containment> {
  let cgroup: RunCgroup | undefined;
  if (home?.available) {
    cgroup = await home.create(target.runId, caps).catch((error: unknown) => {
      console.error(`[runner] no cgroup for run ${target.runId}, using the marker sweep only:`, error);
      return undefined;
    });
  }
  let kind: Containment["kind"] = cgroup ? "cgroup" : "marker";
  return {
    get kind() {
      return kind;
    },
    env: { [RUN_MARKER]: target.runId },
    adopt(pid) {
      if (!cgroup) return;
      try {
        cgroup.adopt(pid);
      } catch (error) {
        kind = "marker";
        console.error(
          `[runner] could not move run ${target.runId} into its cgroup, using the marker sweep only:`,
          error,
        );
      }
    },
    async endAll() {
      if (cgroup) await cgroup.killAndRemove();
      await sweepRunProcesses(target);
    },
  };
}
