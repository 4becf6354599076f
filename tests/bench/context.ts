import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "@playwright/test";
import { chromiumArgs, findChromium } from "../../src/site/chromium.ts";
import { runnerLinkFor } from "../support/runner-link.ts";

/** One line of the benchmark table. */
export interface BenchRow {
  readonly name: string;
  readonly value: string;
  readonly note?: string;
}

/** What every benchmark gets: the running guide and a way to drive the same Chromium the tests use. */
export interface BenchContext {
  readonly baseURL: string;
  readonly chromiumPath: string;
  readonly chromiumArgs: readonly string[];
  /** The link the server printed (with its runner token), read from its 0600 token file as a reader's tools would. */
  readonly runnerLink: string;
  launchBrowser(): Promise<Browser>;
}

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Starts `npm start`'s server (building first if needed) on `port` and resolves once it answers. */
export async function startGuide(port: number): Promise<{ context: BenchContext; stop: () => Promise<void> }> {
  const server: ChildProcess = spawn(process.execPath, ["src/server/start.ts", "--port", String(port)], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const baseURL = `http://localhost:${port}`;
  await waitUntilAnswering(baseURL, server);
  const runnerLink = await runnerLinkFor(port);
  const chromiumPath = findChromium();
  const context: BenchContext = {
    baseURL,
    chromiumPath,
    chromiumArgs,
    runnerLink,
    launchBrowser: () => chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] }),
  };
  return {
    context,
    async stop() {
      server.kill("SIGTERM");
      if (server.exitCode === null) await once(server, "exit");
    },
  };
}

async function waitUntilAnswering(baseURL: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the guide's server exited with code ${server.exitCode}`);
    const ok = await fetch(baseURL).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the guide did not answer at ${baseURL} within 5 minutes`);
}
