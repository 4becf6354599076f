/** Publishes the WebContainer dependency snapshots with the built site, under /_webcontainer/. */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { buildDependencySnapshots } from "./dependency-snapshot-builder.ts";

/** After `astro build`: dist/_webcontainer/manifest.json and one snapshot per package the examples need. */
export function webContainerSnapshotsIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: "field-guide:webcontainer-snapshots",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(new URL("_webcontainer/", dir));
        try {
          const manifest = await buildDependencySnapshots({
            projectRoot: root,
            examplesDir: join(root, "examples"),
            outDir,
            warn: (message) => logger.warn(message),
          });
          const total = Object.values(manifest.packages).reduce((sum, entry) => sum + entry.bytes, 0);
          logger.info(
            `WebContainer snapshots: ${Object.keys(manifest.packages).length} packages, ${(total / 1e6).toFixed(1)} MB in ${outDir}`,
          );
        } catch (error) {
          // Without snapshots the site still works: WebContainer installs with npm on first run (online only).
          logger.warn(
            `WebContainer snapshots not built (${(error as Error).message}); WebContainer will run npm install instead.`,
          );
        }
      },
    },
  };
}
