/**
 * Publishes the in-browser runtime under /_runtime/ (same origin as the pages): written into the
 * build after `astro build`, and built on first request under `astro dev`.
 */
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { guideHeaders } from "../../../../server/isolation-headers.ts";
import { buildInBrowserRuntime } from "./build-runtime.ts";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".data": "application/octet-stream",
};

/** After `astro build`: dist/_runtime/ with the workers, the stand-ins, the prebundled packages and PGlite. */
export function inBrowserRuntimeIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: "field-guide:in-browser-runtime",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:server:setup": ({ server, logger }) => {
        const outDir = join(tmpdir(), `field-guide-runtime-dev-${process.pid}`);
        let built: Promise<unknown> | undefined;
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent(new URL(request.url ?? "/", "http://dev").pathname);
          if (!path.startsWith("/_runtime/")) return next();
          built ??= buildInBrowserRuntime({ projectRoot: root, examplesDir: join(root, "examples"), outDir }).then(() =>
            logger.info(`In-browser runtime built for the dev server in ${outDir}`),
          );
          const file = normalize(join(outDir, path.slice("/_runtime/".length)));
          if (!file.startsWith(outDir)) return next();
          built
            .then(() => readFile(file))
            .then(
              (body) => {
                response.writeHead(200, {
                  ...guideHeaders,
                  "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
                });
                response.end(body);
              },
              () => next(),
            );
        });
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
