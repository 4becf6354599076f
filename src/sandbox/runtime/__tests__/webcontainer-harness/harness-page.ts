/**
 * Browser entry of the WebContainer test harness: the real adapter on a cross-origin-isolated
 * page, driven from Node through `window.fieldGuideHarness` (see remote-runtime.ts).
 */
import { createFetchedDependencySource } from "../../dependency-snapshots.ts";
import type { FileMap, RunCommand, RunningProcess, ServerReady, ServiceRequest } from "../../port.ts";
import { createWebContainerRuntime } from "../../webcontainer.adapter.ts";
import { bootWebContainer, type ContainerHost } from "../../webcontainer-host.ts";

declare global {
  interface Window {
    fieldGuideHarness: typeof harness;
    fieldGuideOutput?: (id: string, text: string) => void;
  }
}

let host: ContainerHost | undefined;
const runtime = createWebContainerRuntime({
  boot: async () => (host = await bootWebContainer()),
  dependencies: createFetchedDependencySource(),
});
const processes = new Map<string, RunningProcess>();
const servers = new Map<string, ServerReady>();
const statuses: string[] = [];
runtime.onStatus((message) => statuses.push(message));

const harness = {
  statuses,
  mount: (example: string, files: FileMap) => runtime.mount(example, files),
  writeFile: (example: string, path: string, contents: string) => runtime.writeFile(example, path, contents),
  async spawn(example: string, command: RunCommand): Promise<string> {
    let id = "";
    const buffered: string[] = [];
    const running = await runtime.spawn(example, command, {
      onOutput: ({ text }) => (id ? window.fieldGuideOutput?.(id, text) : buffered.push(text)),
    });
    id = running.id;
    buffered.forEach((text) => window.fieldGuideOutput?.(id, text));
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
  kill: (id: string) => processes.get(id)!.kill(),
  teardown: () => runtime.teardown(),
  typeScriptMode: () => runtime.typeScriptMode(),
  async portIsFree(port: number): Promise<boolean> {
    const probe = await host!.spawn("node", [
      "-e",
      `require("node:net").connect(${port}, "localhost").on("connect", () => { console.log("busy"); process.exit(0); }).on("error", () => console.log("free"));`,
    ]);
    let output = "";
    await probe.output.pipeTo(new WritableStream({ write: (chunk) => void (output += chunk) }));
    await probe.exit;
    return output.includes("free");
  },
};

window.fieldGuideHarness = harness;
