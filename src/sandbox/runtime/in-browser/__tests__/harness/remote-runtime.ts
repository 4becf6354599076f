/** A Runtime in Node that drives the in-browser runtime in a Playwright page, so the contract suite runs through it. */
import type { Page } from "playwright-core";
import {
  ServiceNotRunningError,
  type ExitInfo,
  type FileMap,
  type OutputChunk,
  type RunCommand,
  type RunningProcess,
  type Runtime,
  type ServerReady,
  type ServiceRequest,
  type ServiceResponse,
} from "../../../port.ts";

type HarnessAnswer = { ok: true; response: ServiceResponse } | { ok: false; name: string; message: string };

export interface RemoteInBrowserRuntime extends Runtime {
  /** True when nothing listens on `port` in the page any more (asked through the preview bridge). */
  portIsFree(port: number): Promise<boolean>;
}

export async function remoteInBrowserRuntime(page: Page): Promise<RemoteInBrowserRuntime> {
  const listeners = new Map<string, (chunk: OutputChunk) => void>();
  await page.exposeFunction("inBrowserOutput", (id: string, stream: "stdout" | "stderr", text: string) =>
    listeners.get(id)?.({ stream, text }),
  );
  await page.waitForFunction(() => "inBrowserHarness" in window);

  return {
    kind: "browser",
    mount: (example: string, files: FileMap) =>
      page.evaluate(([e, f]) => window.inBrowserHarness.mount(e, f), [example, files] as const),
    writeFile: (example: string, path: string, contents: string) =>
      page.evaluate(([e, p, c]) => window.inBrowserHarness.writeFile(e, p, c), [example, path, contents] as const),
    async spawn(example: string, command: RunCommand, options): Promise<RunningProcess> {
      const id = await page.evaluate(([e, c]) => window.inBrowserHarness.spawn(e, c), [example, command] as const);
      listeners.set(id, options.onOutput);
      const exit = page.evaluate((i) => window.inBrowserHarness.exit(i), id) as Promise<ExitInfo>;
      const serverReady: Promise<ServerReady> = page
        .evaluate((i) => window.inBrowserHarness.serverReady(i), id)
        .then((server) => ({
          ...server,
          request: async (request: ServiceRequest) => {
            const answer = (await page.evaluate(([i, r]) => window.inBrowserHarness.request(i, r), [
              id,
              request,
            ] as const)) as HarnessAnswer;
            if (answer.ok) return answer.response;
            throw answer.name === "ServiceNotRunningError"
              ? new ServiceNotRunningError(answer.message)
              : new Error(answer.message);
          },
        }));
      serverReady.catch(() => undefined);
      return { id, exit, serverReady, kill: () => page.evaluate((i) => window.inBrowserHarness.kill(i), id) };
    },
    teardown: () => page.evaluate(() => window.inBrowserHarness.teardown()),
    portIsFree: async (port: number) =>
      (await page.evaluate(([p]) => window.inBrowserHarness.preview(p, "/health/live"), [port] as const)).status ===
      502,
  };
}
