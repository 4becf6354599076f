import { spawn } from "node:child_process";
import { once } from "node:events";
import { open, readFile } from "node:fs/promises";
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

/**
 * Builds the site unless `distDir` already holds a build of the current inputs. The build runs as
 * `npm run build` in a child process whose output goes to `logFile` (the terminal keeps only the
 * lines the reader needs); when it fails, the end of the log is printed with the log's path.
 */
export async function ensureFreshBuild(
  projectRoot: string,
  distDir: string,
  options: { readonly logFile: string; readonly say: (line: string) => void },
): Promise<void> {
  if (await isBuildFresh(distDir, await fingerprintInputs(projectRoot))) return;
  options.say(`guide: building the site (first start, or the sources changed); details in ${options.logFile}`);
  const log = await open(options.logFile, "a", 0o600);
  try {
    const child = spawn(process.execPath, ["src/server/build.ts"], {
      cwd: projectRoot,
      stdio: ["ignore", log.fd, log.fd],
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    const [code] = (await once(child, "exit")) as [number | null];
    if (code !== 0) {
      const lines = (await readFile(options.logFile, "utf8")).trimEnd().split("\n");
      throw new Error(
        `the build failed (exit code ${code}). The end of ${options.logFile}:\n${lines.slice(-30).join("\n")}`,
      );
    }
  } finally {
    await log.close();
  }
}
