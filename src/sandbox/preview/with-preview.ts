/**
 * Gives the in-browser runtime its preview: the first `npm start` registers the preview Service
 * Worker, a listening service is announced at `<base>preview/<port>/` once the worker can relay
 * to it, and the port is released when the service ends.
 */
import type { RunCommand, RunningProcess, Runtime, ServerReady, SpawnOptions } from "../runtime/port.ts";
import { previewUrl, type PreviewRelay } from "./preview-relay.ts";

export function withPreview(runtime: Runtime, relay: PreviewRelay, base: string): Runtime {
  return {
    kind: runtime.kind,
    mount: (example, files) => runtime.mount(example, files),
    writeFile: (example, path, contents) => runtime.writeFile(example, path, contents),
    teardown: () => runtime.teardown(),
    async spawn(example: string, command: RunCommand, options: SpawnOptions): Promise<RunningProcess> {
      if (command.kind !== "start") return runtime.spawn(example, command, options);
      // Registered while the service boots, so the preview works by the time it listens.
      const relayReady = relay.start().then(
        () => true,
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          options.onOutput({
            stream: "stderr",
            text: `Preview unavailable: ${reason}. The request panel still reaches the service.\n`,
          });
          return false;
        },
      );
      const process = await runtime.spawn(example, command, options);
      const serverReady = process.serverReady.then(async (ready): Promise<ServerReady> => {
        relay.claim(ready.port);
        void process.exit.then(() => relay.release(ready.port));
        const previewing = await relayReady;
        return previewing ? { ...ready, url: previewUrl(base, ready.port) } : ready;
      });
      serverReady.catch(() => undefined);
      return {
        id: process.id,
        exit: process.exit,
        serverReady,
        kill: () => process.kill(),
      };
    },
  };
}
