/**
 * Benchmark for `npm run bench`: one example's test run requested the way the page does it
 * (client adapter → real runner over HTTP → process → streamed summary) next to `npm test`
 * in a shell in the example's folder, measured in the same run.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stripVTControlCharacters } from "node:util";
import { readExampleBundle } from "../sandbox/files/example-files.ts";
import { createLocalRunnerRuntime } from "../sandbox/runtime/local-runner.adapter.ts";
import { createLocalRunner } from "./index.ts";

export interface RunnerBenchRow {
  readonly example: string;
  /** From the page's request to the node:test summary arriving in the page. */
  readonly runnerMs: number;
  /** `npm test` in a shell in the example's folder, to its exit. */
  readonly shellMs: number;
  /** runnerMs / shellMs: the runner's overhead (below 1 means it is faster, as it skips npm's own start-up). */
  readonly ratio: number;
}

function timeShellNpmTest(exampleDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("npm", ["test", "--silent"], { cwd: exampleDir, stdio: "ignore", shell: false });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`npm test exited with ${code} in ${exampleDir}`)),
    );
  });
}

/** Measures one example both ways; the runner lives in a throwaway loopback server for the measurement. */
export async function benchLocalRunnerTestRun(options: {
  readonly projectRoot: string;
  readonly example: string;
  readonly examplesDir?: string;
}): Promise<RunnerBenchRow> {
  const examplesDir = options.examplesDir ?? join(options.projectRoot, "examples");
  const { files } = await readExampleBundle(options.example, examplesDir);
  const runner = createLocalRunner({ projectRoot: options.projectRoot, examplesDir });
  const server = createServer((request, response) => {
    void runner.handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const runtime = createLocalRunnerRuntime({
    fetch: (input, init) => fetch(`${origin}${String(input)}`, init),
    token: runner.token,
  });

  try {
    await runtime.mount(options.example, files);
    let output = "";
    let summaryAt: number | undefined;
    const started = performance.now();
    const run = await runtime.spawn(
      options.example,
      { kind: "test" },
      {
        onOutput: ({ text }) => {
          output += text;
          // duration_ms is the summary's last line.
          if (summaryAt === undefined && /ℹ duration_ms/.test(stripVTControlCharacters(output)))
            summaryAt = performance.now();
        },
      },
    );
    const exit = await run.exit;
    if (exit.code !== 0 || summaryAt === undefined) {
      throw new Error(
        `${options.example}'s tests did not pass through the runner (${exit.reason}, code ${exit.code}):\n${output}`,
      );
    }
    const runnerMs = summaryAt - started;
    const shellMs = await timeShellNpmTest(join(examplesDir, options.example));
    return { example: options.example, runnerMs, shellMs, ratio: runnerMs / shellMs };
  } finally {
    await runtime.teardown();
    await runner.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
