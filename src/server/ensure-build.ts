import { fingerprintInputs, isBuildFresh, writeBuildStamp } from "./build-freshness.ts";
import { precompressDirectory } from "./precompress.ts";

/** Builds the site into `distDir` (Astro build, then precompression), and stamps it with its inputs. */
export async function buildSite(projectRoot: string, distDir: string): Promise<void> {
  const fingerprint = await fingerprintInputs(projectRoot);
  const { build } = await import("astro");
  await build({ root: projectRoot, logLevel: "warn" });
  await precompressDirectory(distDir);
  await writeBuildStamp(distDir, fingerprint);
}

/** Builds the site unless `distDir` already holds a build of the current inputs. */
export async function ensureFreshBuild(projectRoot: string, distDir: string): Promise<void> {
  if (await isBuildFresh(distDir, await fingerprintInputs(projectRoot))) return;
  console.log("guide: building the site (first start, or the sources changed)…");
  await buildSite(projectRoot, distDir);
}
