/**
 * Every service example mounts its Host allow-list first in createApp and configures it from
 * ALLOWED_HOSTS in its composition root. The examples' own host-allow-list HTTP test covers the
 * middleware; this checks the two wiring lines that make it guard the real service (the sandbox's
 * end-to-end tests then call every example through the runner, which sends the allowed Host).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const examplesDir = new URL("../../../examples/", import.meta.url).pathname;
const serviceExamples = readdirSync(examplesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(examplesDir, entry.name, "src", "main.ts")))
  .map((entry) => entry.name)
  .sort();

describe("the Host allow-list guards every example service", () => {
  for (const example of serviceExamples) {
    it(`${example}: createApp mounts it before any other middleware, and main.ts passes ALLOWED_HOSTS`, () => {
      const app = readFileSync(join(examplesDir, example, "src/presentation/app.ts"), "utf8");
      const body = app.slice(app.indexOf("export function createApp"));
      const firstUse = body.indexOf("app.use(");
      expect(firstUse, "createApp has no app.use").toBeGreaterThan(-1);
      expect(body.slice(firstUse)).toMatch(/^app\.use\(hostAllowList\(deps\.allowedHosts\)\);/);
      const main = readFileSync(join(examplesDir, example, "src/main.ts"), "utf8");
      expect(main).toContain("allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS)");
    });
  }
});
