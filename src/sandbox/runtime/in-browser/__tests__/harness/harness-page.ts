/**
 * Browser entry of the in-browser runtime's test harness: the real runtime on a cross-origin
 * isolated page, driven from Node through `window.inBrowserHarness` (see remote-runtime.ts).
 */
import type { FileMap, RunCommand, RunningProcess, ServerReady, ServiceRequest } from "../../../port.ts";
import { createInBrowserRuntime, fetchFromService } from "../../index.ts";

declare global {
  interface Window {
    inBrowserHarness: typeof harness;
    inBrowserOutput?: (id: string, stream: string, text: string) => void;
  }
}

const runtime = createInBrowserRuntime();
const processes = new Map<string, RunningProcess>();
const servers = new Map<string, ServerReady>();

const harness = {
  mount: (example: string, files: FileMap) => runtime.mount(example, files),
  writeFile: (example: string, path: string, contents: string) => runtime.writeFile(example, path, contents),
  async spawn(example: string, command: RunCommand): Promise<string> {
    let id = "";
    const buffered: Array<[string, string]> = [];
    const running = await runtime.spawn(example, command, {
      onOutput: ({ stream, text }) => (id ? window.inBrowserOutput?.(id, stream, text) : buffered.push([stream, text])),
    });
    id = running.id;
    buffered.forEach(([stream, text]) => window.inBrowserOutput?.(id, stream, text));
    processes.set(id, running);
    return id;
  },
  exit: (id: string) => processes.get(id)!.exit,
  async serverReady(id: string) {
    const server = await processes.get(id)!.serverReady;
    servers.set(id, server);
    return { port: server.port, url: server.url };
  },
  async request(id: string, request: ServiceRequest) {
    try {
      return { ok: true as const, response: await servers.get(id)!.request(request) };
    } catch (error) {
      return { ok: false as const, name: (error as Error).name, message: (error as Error).message };
    }
  },
  /** What the preview Service Worker would get for `path` on `port`. */
  async preview(port: number, path: string) {
    const response = await fetchFromService(port, new Request(new URL(path, location.origin)));
    return { status: response.status, body: await response.text() };
  },
  kill: (id: string) => processes.get(id)!.kill(),
  /** How a Run fails with the runtime's files at `baseUrl` (missing or broken): the error's name and reason. */
  async failedRun(baseUrl: string, files: FileMap) {
    const broken = createInBrowserRuntime({ baseUrl });
    await broken.mount("probe", files);
    try {
      await broken.spawn("probe", { kind: "test" }, { onOutput: () => undefined });
      return { name: "none", reason: "", message: "" };
    } catch (error) {
      const { name, message } = error as Error;
      return { name, message, reason: (error as { reason?: string }).reason ?? "" };
    }
  },
  teardown: () => runtime.teardown(),
};

window.inBrowserHarness = harness;
