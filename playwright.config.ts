import { chromium, defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./src/site/chromium.ts";

const port = Number(process.env["E2E_PORT"] ?? 4510);
const baseURL = `http://localhost:${port}`;
/** The static build on a plain static host (no local runner): the published site's situation. */
const staticPort = Number(process.env["E2E_STATIC_PORT"] ?? 4511);
const staticURL = `http://localhost:${staticPort}`;

function playwrightsOwnChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env["CI"]),
  reporter: [["list"], ["./tests/support/skip-reasons-reporter.ts"]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: { executablePath: findChromium(playwrightsOwnChromium()), args: chromiumArgs },
    trace: "retain-on-failure",
  },
  projects: [
    // Through the real `npm start` server: built site, isolation headers and the local runner.
    { name: "local-runner", testMatch: "**/*.spec.ts", testIgnore: "static/**", use: { baseURL } },
    // The static build served as a static host serves it, so the examples run in the in-browser runtime.
    { name: "static-host", testMatch: "static/**/*.spec.ts", use: { baseURL: staticURL } },
  ],
  // Started in this order, one after the other: the first builds the site when it is stale, the second serves that build.
  webServer: [
    {
      command: `node src/server/start.ts --port ${port}`,
      url: `${baseURL}/`,
      reuseExistingServer: !process.env["CI"],
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: `node tests/support/serve-static.ts --port ${staticPort}`,
      url: `${staticURL}/`,
      reuseExistingServer: !process.env["CI"],
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
