/** Mounts the local runner in `astro dev`, so the sandbox runs examples on this machine while writing the guide too. */
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { startBanner } from "./start-banner.ts";
import { createLocalRunner, runnerLink, type LocalRunner, type LocalRunnerOptions } from "./index.ts";
import { removeLinkFile, writeLinkFile } from "./link-file.ts";

/**
 * The runner as an Astro integration: /__runner/ in the dev server, the link with this start's
 * token printed (and written to the 0600 token file) once the server listens, as `npm start` does,
 * and every run stopped when the dev server stops.
 */
export function localRunnerIntegration(options: Partial<LocalRunnerOptions> = {}): AstroIntegration {
  let root = process.cwd();
  let runner: LocalRunner | undefined;
  let linkPort: number | undefined;
  return {
    name: "field-guide:local-runner",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:server:setup": ({ server, logger }) => {
        const active = createLocalRunner({ projectRoot: root, examplesDir: join(root, "examples"), ...options });
        runner = active;
        server.middlewares.use((request, response, next) => {
          active.handle(request, response).then((handled) => {
            if (!handled) next();
          }, next);
        });
        const announce = async () => {
          const address = server.httpServer?.address() as AddressInfo | null | undefined;
          if (!address) return;
          linkPort = address.port;
          const link = runnerLink(`http://localhost:${address.port}`, active.token);
          const tokenFile = await writeLinkFile(root, {
            port: address.port,
            pid: process.pid,
            token: active.token,
            link,
          });
          logger.info(
            `Local runner mounted at /__runner/ (loopback only, token per start).${startBanner({ link, tokenFile, pid: process.pid })}`,
          );
        };
        if (server.httpServer?.listening) void announce();
        else server.httpServer?.once("listening", () => void announce());
        server.httpServer?.once("close", () => void active.close());
      },
      "astro:server:done": async () => {
        await runner?.close();
        if (linkPort !== undefined) await removeLinkFile(root, linkPort);
        runner = undefined;
      },
    },
  };
}
