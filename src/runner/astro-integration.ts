/** Mounts the local runner in `astro dev`, so the sandbox runs examples on this machine while writing the guide too. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { createLocalRunner, type LocalRunner, type LocalRunnerOptions } from "./index.ts";

/** The runner as an Astro integration: /__runner/ in the dev server, every run stopped when the dev server stops. */
export function localRunnerIntegration(options: Partial<LocalRunnerOptions> = {}): AstroIntegration {
  let root = process.cwd();
  let runner: LocalRunner | undefined;
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
        server.httpServer?.once("close", () => void active.close());
        logger.info("Local runner mounted at /__runner/ (loopback only, token per start).");
      },
      "astro:server:done": async () => {
        await runner?.close();
        runner = undefined;
      },
    },
  };
}
