/**
 * Running `node src/main.ts` as a real child process, for the tests that must see the real program:
 * its exit code, its output, its answer to SIGTERM. The in-browser runtime cannot start programs, so
 * these tests skip there with the reason `childProcessUnavailable()` returns.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const exampleDir = fileURLToPath(new URL("../../", import.meta.url));

/** Why child processes cannot run here, or false when they can. */
export function childProcessUnavailable(): string | false {
  try {
    const probe = spawnSync(process.execPath, ["--version"], { encoding: "utf8" });
    if (probe.error) return `cannot start ${process.execPath}: ${probe.error.message}`;
    return false;
  } catch (error) {
    return `this runtime cannot start child processes (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** A started `node src/main.ts`, with everything it printed so far and its exit. */
export type Program = {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the first output line matching `pattern`, or rejects if the program exits first. */
  readonly waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `node src/main.ts` in the example's folder with `env` added to a clean environment. */
export function startProgram(env: Record<string, string>): Program {
  const child = spawn(process.execPath, ["src/main.ts"], {
    cwd: exampleDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const look = () => {
        const match = output.match(pattern);
        if (match === null) return;
        listeners.delete(look);
        resolve(match);
      };
      listeners.add(look);
      look();
      void exited.then(() => {
        if (listeners.delete(look)) reject(new Error(`exited before printing ${pattern}; output:\n${output}`));
      });
    });
  return { child, output: () => output, waitFor, exited };
}
