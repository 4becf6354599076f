/**
 * The run folder writer against arbitrary file maps: every map either is written entirely inside a
 * fresh run folder or is refused with a 4xx RunnerProblem (never another error, which the API would
 * answer as 500), and nothing is ever written outside the run folder.
 */
import { mkdtemp, readdir, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resolveLimits } from "../limits.ts";
import { RunnerProblem } from "../problem.ts";
import { createRunWorkspace } from "../run-workspace.ts";
import { PROJECT_ROOT } from "./runner-server.ts";

let sandbox: string;
let tempRoot: string;
const limits = resolveLimits({ maxFiles: 8, maxFileBytes: 64 });

beforeAll(async () => {
  // tempRoot sits inside a folder of its own, so a write that escaped it would show up next to it.
  sandbox = await realpath(await mkdtemp(join(tmpdir(), "runner-property-")));
  tempRoot = join(sandbox, "runs");
  await import("node:fs/promises").then(({ mkdir }) => mkdir(tempRoot));
});
afterAll(() => rm(sandbox, { recursive: true, force: true }));

/** Path pieces chosen to hit every rule: separators, dots, dashes, drive letters, NUL, long and non-ASCII names. */
const piece = fc.oneof(
  fc.constantFrom(
    "",
    ".",
    "..",
    "-",
    "--eval=1",
    "a",
    "b.ts",
    "node_modules",
    "C:",
    "\\",
    "\0",
    "é".repeat(130),
    "x".repeat(300),
  ),
  fc.string({ unit: fc.constantFrom("a", "/", ".", "-", "\\", "é", " ", "\n"), maxLength: 12 }),
);
const path = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join("/"));
const fileMap = fc.dictionary(fc.oneof(path, piece), fc.string({ maxLength: 80 }), { maxKeys: 10 });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => join(entry.parentPath, entry.name));
}

it("writes a file map inside the run folder or refuses it with a 4xx problem; never another error, never outside", async () => {
  await fc.assert(
    fc.asyncProperty(fileMap, async (files) => {
      let workspace: Awaited<ReturnType<typeof createRunWorkspace>> | undefined;
      try {
        workspace = await createRunWorkspace(files, { projectRoot: PROJECT_ROOT, limits, tempRoot });
      } catch (error) {
        expect(error).toBeInstanceOf(RunnerProblem);
        expect([400, 413]).toContain((error as RunnerProblem).status);
      }
      if (workspace) {
        for (const written of await filesUnder(workspace.dir)) {
          const inside = relative(workspace.dir, written);
          expect(inside.startsWith("..") || inside.startsWith(sep)).toBe(false);
        }
        await workspace.remove();
      }
      // Nothing besides the runs folder next to it, and no run folder left behind.
      expect(await readdir(sandbox)).toEqual(["runs"]);
      expect(await readdir(tempRoot)).toEqual([]);
    }),
    { numRuns: 300 },
  );
});
