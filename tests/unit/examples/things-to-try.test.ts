/**
 * Every "Things to try" step of every example README, checked against a fresh copy of the example: the HTTP
 * steps in order against the started service (status, headers and JSON fragments the prose claims), and each
 * edit step applied to its own copy, with `npm test` failing or passing as the prose says. Pages show these same
 * steps through <TryThis>, so a page's steps are verified here too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { applyPatch } from "diff";
import { afterAll, describe, expect, it } from "vitest";
import { listExamples } from "../../../src/sandbox/files/example-files.ts";
import { parseTryThis, type EditTryStep, type HttpTryStep, type TryStep } from "../../../src/sandbox/files/try-this.ts";
import { editClaims, httpClaims, jsonContains } from "../../../src/sandbox/files/try-this-claims.ts";

const root = resolve(import.meta.dirname, "../../..");
const examplesRoot = join(root, "examples");
const copiesRoot = await mkdtemp(join(tmpdir(), "field-guide-things-to-try-"));
const realInfrastructure = ["DATABASE_URL", "REDIS_URL", "AMQP_URL"];

afterAll(() => rm(copiesRoot, { recursive: true, force: true }));

for (const example of await listExamples(examplesRoot)) {
  const readme = await readFile(join(examplesRoot, example, "README.md"), "utf8");
  const steps = parseTryThis(readme, `examples/${example}/README.md`).map((step, index) => ({
    step,
    number: index + 1,
  }));
  const httpSteps = steps.filter((entry): entry is { step: HttpTryStep; number: number } => entry.step.kind === "http");
  const editSteps = steps.filter((entry): entry is { step: EditTryStep; number: number } => entry.step.kind === "edit");

  describe(`examples/${example}: things to try`, () => {
    it("has steps, and each states something the suite can check", () => {
      expect(steps.length).toBeGreaterThan(0);
      expect(editSteps.length, "at least one step edits the code and shows its effect").toBeGreaterThan(0);
      expect(steps.map(({ step, number }) => uncheckable(step, number)).filter(Boolean)).toEqual([]);
    });

    it.runIf(httpSteps.length > 0)("answers each request as the README says, in order", async () => {
      const copy = await copyExample(example);
      const service = await startService(copy);
      try {
        const mismatches: string[] = [];
        for (const { step, number } of httpSteps) mismatches.push(...(await checkRequest(service.url, step, number)));
        expect(mismatches).toEqual([]);
      } finally {
        await service.stop();
      }
    });

    for (const { step, number } of editSteps) {
      const claims = editClaims(step);
      it(`step ${number}: the edit to ${step.path} makes npm test ${claims.outcome}`, async () => {
        const copy = await copyExample(example);
        const file = join(copy, step.path);
        const patched = applyPatch(await readFile(file, "utf8"), step.patch);
        expect(patched, `the diff of step ${number} no longer applies to ${step.path}`).not.toBe(false);
        await writeFile(file, patched as string);
        const { code, output } = await runNpmTest(copy);
        if (claims.outcome === "pass") {
          expect(code, output).toBe(0);
          return;
        }
        expect(code, "npm test should fail after the edit").not.toBe(0);
        for (const name of claims.failingTests)
          expect(output, `"${name}" should be reported failing`).toContain(`✖ ${name}`);
      });
    }
  });
}

function uncheckable(step: TryStep, number: number): string | undefined {
  if (step.kind === "note") return `step ${number} has no request, command or diff to check`;
  if (step.kind === "command") {
    const unknown = step.commands.filter((command) => command !== "npm test" && command !== "npm start");
    return unknown.length > 0
      ? `step ${number} runs ${unknown.join(", ")}; the sandbox runs only npm test and npm start`
      : undefined;
  }
  if (step.kind === "edit")
    return step.commands.includes("npm test") ? undefined : `step ${number} edits code but never runs npm test`;
  const claims = httpClaims(step);
  return claims.status === undefined && claims.fragments.length === 0
    ? `step ${number} (${step.method} ${step.path}) claims no status ("You get 201 …") and no JSON fragment`
    : undefined;
}

async function checkRequest(baseUrl: string, step: HttpTryStep, number: number): Promise<string[]> {
  const claims = httpClaims(step);
  const response = await fetch(new URL(step.path, baseUrl), {
    method: step.method,
    headers: step.headers,
    ...(step.body ? { body: step.body } : {}),
  });
  const text = await response.text();
  const where = `step ${number} (${step.method} ${step.path})`;
  const problems: string[] = [];
  if (claims.status !== undefined && response.status !== claims.status) {
    problems.push(`${where}: expected ${claims.status}, got ${response.status} ${text.slice(0, 300)}`);
  }
  for (const header of claims.headers) {
    if (!response.headers.has(header)) problems.push(`${where}: expected a ${header} header`);
  }
  if (claims.fragments.length > 0) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${where}: expected JSON, got ${text.slice(0, 200)}`);
      return problems;
    }
    for (const fragment of claims.fragments) {
      if (!jsonContains(body, fragment)) {
        problems.push(
          `${where}: expected "${fragment.name}": ${JSON.stringify(fragment.value)} in ${text.slice(0, 300)}`,
        );
      }
    }
  }
  return problems;
}

/** A copy of the example outside the project, as a reader's download would be, with the installed packages linked. */
async function copyExample(example: string): Promise<string> {
  const source = join(examplesRoot, example);
  const copy = await mkdtemp(join(copiesRoot, `${example}-`));
  await cp(source, copy, { recursive: true, filter: (path) => !path.startsWith(join(source, "node_modules")) });
  // Node does not strip types under node_modules, so the copy cannot live there; it gets a node_modules of links
  // instead: the workspace's hoisted packages, overridden by the example's own where it has any.
  const modules = join(copy, "node_modules");
  for (const installed of [join(root, "node_modules"), join(source, "node_modules")]) {
    if (existsSync(installed)) await linkPackages(installed, modules);
  }
  return copy;
}

async function linkPackages(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    if (entry.name.startsWith("@") && entry.isDirectory()) {
      await linkPackages(join(from, entry.name), join(to, entry.name));
      continue;
    }
    await rm(join(to, entry.name), { recursive: true, force: true });
    await symlink(join(from, entry.name), join(to, entry.name));
  }
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" };
  for (const name of realInfrastructure) delete env[name];
  return env;
}

function runNpmTest(cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn("npm", ["test"], { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => done({ code: code ?? 1, output }));
  });
}

async function startService(cwd: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["src/main.ts"], {
    cwd,
    env: { ...childEnv(), PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForListening(child);
  return {
    url: `http://localhost:${port}`,
    stop: () =>
      new Promise<void>((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((ready, fail) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on /.test(output)) ready();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => fail(new Error(`the service exited (${code}) before listening:\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}
