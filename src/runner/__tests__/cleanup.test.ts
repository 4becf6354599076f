/**
 * Finding 5: a run folder that cannot be removed was ignored silently, and nothing removed
 * leftovers of earlier starts. Removal now retries after making folders writable and logs what it
 * could not do; a start removes run folders (and cgroups) whose guide process is gone, and never
 * those of a guide that still runs, this one or another on the same machine.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalRunner } from "../index.ts";
import { openCgroupHome } from "../run-cgroup.ts";
import { removeRunFolder, removeStaleRunFolders, type RemovalFs } from "../run-workspace.ts";
import { FIXTURE_EXAMPLES, PROJECT_ROOT } from "./runner-server.ts";

let root: string;
let otherGuide: ReturnType<typeof spawn>;
let deadPid: number;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), "runner-cleanup-")));
  // Another guide on this machine: a live process that is not this one.
  otherGuide = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  // A guide that has exited: its pid names no process any more.
  const gone = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  deadPid = gone.pid!;
  await once(gone, "exit");
});

afterAll(async () => {
  otherGuide.kill("SIGKILL");
  await rm(root, { recursive: true, force: true });
});

describe("leftover run folders at start", () => {
  it("removes folders of guide processes that are gone, keeps this guide's, another live guide's and ownerless ones", async () => {
    const tempRoot = join(root, "sweep");
    const folders = {
      dead: `field-guide-run-${deadPid}-aB3xYz`,
      own: `field-guide-run-${process.pid}-cD4wVu`,
      otherLiveGuide: `field-guide-run-${otherGuide.pid}-eF5tSr`,
      ownerless: "field-guide-run-Gh6qPo",
      unrelated: "something-else",
    };
    for (const name of Object.values(folders)) {
      await mkdir(join(tempRoot, name, "src"), { recursive: true });
      await writeFile(join(tempRoot, name, "src", "main.ts"), "");
    }
    const removed = await removeStaleRunFolders(tempRoot);
    expect(removed).toEqual([join(tempRoot, folders.dead)]);
    expect((await readdir(tempRoot)).sort()).toEqual(
      [folders.own, folders.otherLiveGuide, folders.ownerless, folders.unrelated].sort(),
    );
  });

  it("a new runner removes them before its first run", async () => {
    const tempRoot = join(root, "runner");
    const stale = join(tempRoot, `field-guide-run-${deadPid}-zZ9yY8`);
    await mkdir(stale, { recursive: true });
    const runner = createLocalRunner({ projectRoot: PROJECT_ROOT, examplesDir: FIXTURE_EXAMPLES, tempRoot });
    await runner.containment();
    expect(existsSync(stale)).toBe(false);
    await runner.close();
  });

  it("removes cgroups left by a guide process that is gone, where a writable cgroup v2 exists", async (context) => {
    const probe = await openCgroupHome();
    if (!probe.available) {
      console.log(`skipped: stale cgroups: ${probe.reason}`);
      context.skip();
      return;
    }
    const base = join(probe.path, "..");
    const stale = join(base, `field-guide-runner-${deadPid}-1`);
    await mkdir(join(stale, "run-leftover"), { recursive: true });
    const live = await openCgroupHome();
    expect(existsSync(stale)).toBe(false);
    // The probe's own parent belongs to this live process and is untouched by the second start.
    expect(existsSync(probe.path)).toBe(true);
    if (live.available) await live.close();
    await probe.close();
    expect(existsSync(probe.path)).toBe(false);
  });
});

describe("removing a run folder", () => {
  const recording = (failures: number) => {
    const calls: string[] = [];
    let left = failures;
    const fs: RemovalFs = {
      rm: async (path) => {
        calls.push(`rm ${path}`);
        if (left-- > 0) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
      chmodTree: async (path) => void calls.push(`chmod ${path}`),
      log: (message) => void calls.push(`log ${message}`),
    };
    return { fs, calls };
  };

  it("retries after making the folders writable, and says it did", async () => {
    const { fs, calls } = recording(1);
    await removeRunFolder("/tmp/field-guide-run-1-x", fs);
    expect(calls.slice(0, 3)).toEqual([
      "rm /tmp/field-guide-run-1-x",
      "chmod /tmp/field-guide-run-1-x",
      "rm /tmp/field-guide-run-1-x",
    ]);
    expect(calls[3]).toMatch(/^log .*removed .*after making its folders writable/);
  });

  it("logs a folder it cannot remove instead of ignoring it, and does not throw (the run still ends)", async () => {
    const { fs, calls } = recording(2);
    await expect(removeRunFolder("/tmp/field-guide-run-1-y", fs)).resolves.toBeUndefined();
    expect(calls.at(-1)).toMatch(/^log .*could not remove the run folder \/tmp\/field-guide-run-1-y: EACCES/);
  });

  it("really removes a folder the run made read-only", async () => {
    const dir = join(root, "read-only");
    await mkdir(join(dir, "locked"), { recursive: true });
    await writeFile(join(dir, "locked", "file.txt"), "x");
    const { chmod } = await import("node:fs/promises");
    await chmod(join(dir, "locked"), 0o500);
    await removeRunFolder(dir);
    expect(existsSync(dir)).toBe(false);
  });
});
