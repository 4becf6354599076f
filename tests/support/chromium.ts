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

/** The env var that names a Chromium binary for the browser tests and benchmarks. */
export const chromiumEnvVar = "CHROMIUM_PATH";

/**
 * Finds a Chromium without downloading one: $CHROMIUM_PATH, then /usr/bin/chromium, then the
 * browser Playwright installed itself. Throws with instructions when there is none.
 */
export function findChromium(playwrightBrowserPath?: string): string {
  const candidates = [
    process.env[chromiumEnvVar],
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    playwrightBrowserPath,
  ];
  const found = candidates.find((path): path is string => typeof path === "string" && path !== "" && existsSync(path));
  if (found) return found;
  throw new Error(
    [
      "No Chromium found for the browser tests.",
      `Set ${chromiumEnvVar}=/path/to/chromium, or install one:`,
      "  Debian/Ubuntu: sudo apt-get install -y chromium",
      "  elsewhere:     npx playwright install chromium",
    ].join("\n"),
  );
}
