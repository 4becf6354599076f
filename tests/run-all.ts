/**
 * `npm test`: every check the project has, in order, stopping at the first failure:
 * format, types, unit tests, the examples' own suites, the production build, browser tests.
 */
import { spawn } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { countTests, type TestCounts } from "./support/test-counts.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = (name: string) => join(root, "node_modules", ".bin", name);

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Output lines that fail the step even when it exits 0 (a warning the project should fix, not log). */
  readonly failOnLines?: RegExp;
}

const examples = readdirSync(join(root, "examples"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, "examples", entry.name, "package.json")))
  .map((entry) => entry.name)
  .sort();

const npmCli = process.env["npm_execpath"];
const npm = (args: string[]) =>
  npmCli && npmCli.endsWith(".js") ? { command: process.execPath, args: [npmCli, ...args] } : { command: "npm", args };

const steps: Step[] = [
  { name: "format", command: bin("prettier"), args: ["--check", "--log-level", "warn", "."] },
  { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
  { name: "types (astro check)", command: bin("astro"), args: ["check", "--minimumSeverity", "warning"] },
  { name: "types (tsc)", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  ...examples.map((name) => ({
    name: `types (examples/${name})`,
    command: bin("tsc"),
    args: ["--noEmit", "-p", join("examples", name)],
  })),
  { name: "unit tests", command: bin("vitest"), args: ["run"] },
  ...examples.map((name) => ({ name: `example tests (${name})`, ...npm(["test"]), cwd: join(root, "examples", name) })),
  { name: "production build", command: process.execPath, args: ["src/server/build.ts"], failOnLines: /\[WARN\]/ },
  { name: "browser tests", command: bin("playwright"), args: ["test"] },
];

const totals: TestCounts = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();
for (const step of steps) {
  const stepStarted = Date.now();
  console.log(`\n── ${step.name} ──`);
  const { code: exitCode, output } = await run(step);
  const refused = step.failOnLines ? output.split("\n").filter((line) => step.failOnLines?.test(line)) : [];
  if (refused.length > 0) console.error(`\n${step.name} printed warnings, which fail it:\n${refused.join("\n")}`);
  const code = exitCode === 0 && refused.length > 0 ? 1 : exitCode;
  const counts = countTests(output);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n✗ ${step.name} failed (exit ${code}) after ${seconds} s; later steps were not run.`);
    console.log(`tests: ${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
    process.exit(1);
  }
  console.log(`✓ ${step.name} (${seconds} s)`);
}
console.log(`\nAll ${steps.length} steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);

function run(step: Step): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(step.command, step.args, {
      cwd: step.cwd ?? root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    const relay = (target: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      target.write(chunk);
    };
    child.stdout.on("data", relay(process.stdout));
    child.stderr.on("data", relay(process.stderr));
    child.on("error", (error) => {
      console.error(`cannot run ${step.command}: ${error.message}`);
      resolve({ code: 127, output });
    });
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
