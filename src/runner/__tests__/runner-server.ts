/** Test support: a real node:http server on an ephemeral loopback port with the runner mounted, and leftover checks. */
import { createServer, type Server } from "node:http";
import { mkdtemp, readdir, readlink, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalRunner, type LocalRunner, type LocalRunnerOptions } from "../index.ts";

export const PROJECT_ROOT = new URL("../../../", import.meta.url).pathname.replace(/\/$/, "");
export const FIXTURE_EXAMPLES = new URL("./fixtures/examples", import.meta.url).pathname;

export interface RunnerServer {
  readonly runner: LocalRunner;
  readonly origin: string;
  readonly port: number;
  readonly tempRoot: string;
  close(): Promise<void>;
}

/** Starts the runner in a real server; run directories go to a temp root of its own so leftovers can be checked. */
export async function startRunnerServer(options: Partial<LocalRunnerOptions> = {}): Promise<RunnerServer> {
  const tempRoot = await realpath(await mkdtemp(join(tmpdir(), "runner-test-")));
  const runner = createLocalRunner({ projectRoot: PROJECT_ROOT, examplesDir: FIXTURE_EXAMPLES, tempRoot, ...options });
  const server: Server = createServer((request, response) => {
    void runner.handle(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    runner,
    origin: `http://127.0.0.1:${port}`,
    port,
    tempRoot,
    async close() {
      await runner.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(tempRoot, { recursive: true, force: true });
    },
  };
}

/** Run directories still present under the server's temp root. */
export async function leftoverRunDirs(tempRoot: string): Promise<string[]> {
  return (await readdir(tempRoot).catch(() => [])).map((name) => join(tempRoot, name));
}

/** Pids of processes (any owner we can see) whose working directory is inside the temp root. */
export async function processesUnder(tempRoot: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => "");
    if (cwd.startsWith(tempRoot)) pids.push(Number(entry));
  }
  return pids;
}

/** True while any process of the group led by pid is alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
