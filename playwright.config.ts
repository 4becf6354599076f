import { chromium, defineConfig } from "@playwright/test";
import { chromiumArgs, findChromium } from "./src/site/chromium.ts";

const port = Number(process.env["E2E_PORT"] ?? 4510);
const baseURL = `http://localhost:${port}`;

function playwrightsOwnChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
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
  webServer: {
    // The real `npm start` server: built site, isolation headers and the local runner.
    command: `node src/server/start.ts --port ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env["CI"],
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
