/** A Runtime in Node that drives the real WebContainer adapter in a Playwright page, so the contract suite runs through it. */
import type { Page } from "@playwright/test";
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
} from "../../port.ts";

type HarnessAnswer = { ok: true; response: ServiceResponse } | { ok: false; name: string; message: string };

/** Wraps the page's `window.fieldGuideHarness` as a Runtime. */
export async function remoteWebContainerRuntime(
  page: Page,
): Promise<Runtime & { portIsFree(port: number): Promise<boolean> }> {
  const listeners = new Map<string, (chunk: OutputChunk) => void>();
  await page.exposeFunction("fieldGuideOutput", (id: string, text: string) =>
    listeners.get(id)?.({ stream: "stdout", text }),
  );
  await page.waitForFunction(() => "fieldGuideHarness" in window);

  return {
    kind: "webcontainer",
    mount: (example: string, files: FileMap) =>
      page.evaluate(([e, f]) => window.fieldGuideHarness.mount(e, f), [example, files] as const),
    writeFile: (example: string, path: string, contents: string) =>
      page.evaluate(([e, p, c]) => window.fieldGuideHarness.writeFile(e, p, c), [example, path, contents] as const),
    async spawn(example: string, command: RunCommand, options): Promise<RunningProcess> {
      const id = await page.evaluate(([e, c]) => window.fieldGuideHarness.spawn(e, c), [example, command] as const);
      listeners.set(id, options.onOutput);
      const exit = page.evaluate((i) => window.fieldGuideHarness.exit(i), id) as Promise<ExitInfo>;
      const serverReady: Promise<ServerReady> = page
        .evaluate((i) => window.fieldGuideHarness.serverReady(i), id)
        .then((server) => ({
          ...server,
          request: async (request: ServiceRequest) => {
            const answer = (await page.evaluate(([i, r]) => window.fieldGuideHarness.request(i, r), [
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
      return { id, exit, serverReady, kill: () => page.evaluate((i) => window.fieldGuideHarness.kill(i), id) };
    },
    teardown: () => page.evaluate(() => window.fieldGuideHarness.teardown()),
    portIsFree: (port: number) => page.evaluate((p) => window.fieldGuideHarness.portIsFree(p), port),
  };
}
