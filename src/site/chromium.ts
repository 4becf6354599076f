import { existsSync } from "node:fs";

/** Flags for Chromium on a closed network, possibly as root: no sandbox, no background traffic. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-default-apps",
];

/** The env var that names a Chromium binary for the build's diagram measuring, the browser tests and benchmarks. */
export const chromiumEnvVar = "CHROMIUM_PATH";

/**
 * A Chromium already on this machine, never a download: $CHROMIUM_PATH, then /usr/bin/chromium(-browser),
 * then `fallback` (e.g. the browser Playwright installed itself); undefined when none exists.
 */
export function locateChromium(fallback?: string): string | undefined {
  const candidates = [process.env[chromiumEnvVar], "/usr/bin/chromium", "/usr/bin/chromium-browser", fallback];
  return candidates.find((path): path is string => typeof path === "string" && path !== "" && existsSync(path));
}

/** Like {@link locateChromium}, but throws with instructions when there is no Chromium. */
export function findChromium(fallback?: string): string {
  const found = locateChromium(fallback);
  if (found) return found;
  throw new Error(
    [
      "No Chromium found.",
      `Set ${chromiumEnvVar}=/path/to/chromium, or install one:`,
      "  Debian/Ubuntu: sudo apt-get install -y chromium",
      "  elsewhere:     npx playwright install chromium",
    ].join("\n"),
  );
}
