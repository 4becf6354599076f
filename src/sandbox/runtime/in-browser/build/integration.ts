/** Publishes the in-browser runtime with the built site, under /_runtime/ (same origin as the pages). */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildInBrowserRuntime } from "./build-runtime.ts";

/** After `astro build`: dist/_runtime/ with the workers, the stand-ins, the prebundled packages and PGlite. */
export function inBrowserRuntimeIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: "field-guide:in-browser-runtime",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(new URL("_runtime/", dir));
        const { manifest, bytes } = await buildInBrowserRuntime({
          projectRoot: root,
          examplesDir: join(root, "examples"),
          outDir,
        });
        const mb = (value = 0) => (value / 1e6).toFixed(2);
        logger.info(
          `In-browser runtime: ${Object.keys(manifest.modules).length} modules in ${outDir} ` +
            `(stripper ${mb(bytes["stripper"])} MB, stand-ins and packages ${mb(bytes["modules"])} MB, PGlite ${mb(bytes["pglite"])} MB)`,
        );
      },
    },
  };
}
