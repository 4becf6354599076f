/**
 * The runtime contract through the in-browser runtime in a real Chromium, for every example:
 * the runtime is built from the examples' imports into a temporary folder, served by a tiny
 * static server with the isolation headers, and driven through Playwright. On top of the
 * shared contract: each example's test counts equal real Node's, Node's parity cases (an enum
 * rejected with Node's message, a hanging test cancelled at --test-timeout, a real-server driver
 * refused naming its variable) give the same totals as real Node, and no request leaves the origin.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { stripVTControlCharacters } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, describe, expect, it, vi } from "vitest";
import { chromiumArgs, locateChromium } from "../../../../site/chromium.ts";
import { listExamples } from "../../../../runner/example-catalog.ts";
import { readExampleBundle } from "../../../files/example-files.ts";
import type { FileMap, OutputChunk, Runtime } from "../../port.ts";
import { describeRuntimeContract } from "../../__tests__/runtime-contract.ts";
import { buildInBrowserRuntime } from "../build/build-runtime.ts";
import { SERVER_DRIVERS } from "../build/provided-modules.ts";
import { nodeArgsOfScript } from "../../script-argv.ts";
import { startHarnessServer, type HarnessServer } from "./harness/harness-server.ts";
import { remoteInBrowserRuntime, type RemoteInBrowserRuntime } from "./harness/remote-runtime.ts";

const PROJECT_ROOT = new URL("../../../../../", import.meta.url).pathname.replace(/\/$/, "");
const EXAMPLES_DIR = join(PROJECT_ROOT, "examples");
const run = promisify(execFile);

// A page runs the suites slower than Node, and this machine may be shared: PGlite's file alone takes seconds.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const chromiumPath = locateChromium();
const names = (await listExamples(EXAMPLES_DIR)).map((example) => example.name);
const examples = await Promise.all(
  names.map(async (name) => ({ name, files: (await readExampleBundle(name, EXAMPLES_DIR)).files })),
);

/**
 * Real Node's output for `npm test`'s command in a folder, in the page's environment: no CI and no
 * real-server URLs, so the suites that need a server skip in both (the page cannot reach one).
 */
async function realNodeSummary(cwd: string): Promise<{ output: string }> {
  const script = (JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as { scripts: { test: string } }).scripts
    .test;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== "CI" && !Object.values(SERVER_DRIVERS).includes(name)),
  );
  const result = await run(process.execPath, nodeArgsOfScript(script), {
    cwd,
    env: { ...env, NODE_OPTIONS: "" },
  }).catch((error: { stdout: string; stderr: string }) => error);
  return { output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

/** node --test's closing counts (all but the duration), as a record. */
function totalsOf(output: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const [, label, count] of output.matchAll(/^ℹ (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)\s*$/gm))
    totals[label!] = Number(count);
  return totals;
}

/** The runtime's message for a Node API it cannot provide (node/unavailable/unavailable.ts). */
const RUNTIME_LACKS = /is not available in the in-browser runtime/;

/** Each skipped test in node --test's spec output: its name and the reason after `#`. */
function skippedTests(output: string): { name: string; reason: string }[] {
  return [...output.matchAll(/^\s*﹣ (.+?) \([\d.]+m?s\) # (.*)$/gm)].map(([, name, reason]) => ({
    name: name!,
    reason: reason!,
  }));
}

/** Names of the tests the page skipped because the runtime lacks an API they need. */
function runtimeSkipped(output: string): string[] {
  return skippedTests(output)
    .filter((skip) => RUNTIME_LACKS.test(skip.reason))
    .map((skip) => skip.name);
}

/** node:test's features the examples may use: hooks, skip/todo (with messages), subtests, done callbacks. */
const FEATURES_TEST = [
  'import assert from "node:assert/strict";',
  'import { after, afterEach, before, beforeEach, describe, it, test } from "node:test";',
  "",
  "const order: string[] = [];",
  'before(() => order.push("root before"));',
  'after(() => console.log("order:", order.join(", ")));',
  "",
  'describe("a suite", () => {',
  '  beforeEach(() => order.push("beforeEach"));',
  '  afterEach(() => order.push("afterEach"));',
  '  it("passes", () => assert.equal(1, 1));',
  '  it.skip("is skipped", () => assert.fail("never"));',
  '  it.todo("is a todo");',
  '  it("is a failing todo", { todo: "not yet" }, () => assert.fail("todo failure"));',
  '  it("fails", () => assert.deepEqual({ a: 1 }, { a: 2 }));',
  '  describe("nested", () => {',
  '    it("runs the outer hooks too", () => assert.ok(order.includes("beforeEach")));',
  "  });",
  "});",
  "",
  'test("subtests", async (t) => {',
  '  await t.test("one", () => {});',
  '  await t.test("two fails", () => {',
  '    throw new Error("boom");',
  "  });",
  "});",
  "",
  'test("done callback", (_t, done) => {',
  "  setTimeout(done, 5);",
  "});",
  "",
  'test("skip from inside", (t) => {',
  '  t.skip("not today");',
  "});",
  "",
  'describe.skip("a skipped suite", () => {',
  '  it("inside", () => {});',
  "});",
  "",
].join("\n");

/** Node's parity cases as a small example of their own. */
const PARITY_FILES: FileMap = {
  "package.json": JSON.stringify({
    name: "parity-probe",
    type: "module",
    scripts: { test: 'node --test --test-timeout=500 "tests/**/*.test.ts"' },
  }),
  "tests/features.test.ts": FEATURES_TEST,
  "tests/hang.test.ts":
    'import { test } from "node:test";\ntest("hangs", () => new Promise(() => {}));\ntest("runs after the hang", () => {});\n',
  "tests/enum.test.ts": 'import { test } from "node:test";\nenum Color { Red }\ntest("never runs", () => {});\n',
  "tests/strip.test.ts":
    'import assert from "node:assert/strict";\nimport { stripTypeScriptTypes } from "node:module";\nimport { test } from "node:test";\n' +
    'test("node:module strips types as Node does", () => {\n  assert.equal(stripTypeScriptTypes("const a: number = 1;"), "const a         = 1;");\n' +
    '  assert.throws(() => stripTypeScriptTypes("enum A { B }"), { code: "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX" });\n});\n',
  "tests/driver.test.ts":
    'import assert from "node:assert/strict";\nimport { test } from "node:test";\n' +
    'test("a real-server driver is not there", async () => {\n' +
    "  await assert.rejects(import(\"pg\"), /Unset DATABASE_URL|Cannot find package 'pg'/);\n});\n",
};

if (!chromiumPath) {
  console.info(
    "[in-browser contract] skipped: no Chromium on this machine (see README: A Chromium for the browser tests).",
  );
  describe("Runtime contract: in-browser runtime", () => {
    it.skip("skipped: no Chromium found ($CHROMIUM_PATH, /usr/bin/chromium)", () => {});
  });
} else {
  let browser: Browser | undefined;
  let harness: HarnessServer | undefined;
  let remote: RemoteInBrowserRuntime | undefined;
  let page: Page | undefined;
  let buildDir = "";
  const foreignRequests: string[] = [];
  /** The first clean `npm test` output of each example, recorded as the contract suite runs it. */
  const testOutputs = new Map<string, string>();

  const recording = (runtime: RemoteInBrowserRuntime): Runtime => ({
    ...runtime,
    async spawn(example, command, options) {
      const chunks: OutputChunk[] = [];
      const process = await runtime.spawn(example, command, {
        onOutput: (chunk) => {
          chunks.push(chunk);
          options.onOutput(chunk);
        },
      });
      if (command.kind === "test" && !testOutputs.has(example))
        void process.exit.then(() => testOutputs.set(example, chunks.map((chunk) => chunk.text).join("")));
      return process;
    },
  });

  /** Builds the runtime, serves it and opens the harness page, once for the whole file. */
  let opened: Promise<RemoteInBrowserRuntime> | undefined;
  const openPage = () =>
    (opened ??= (async () => {
      buildDir = await mkdtemp(join(tmpdir(), "in-browser-runtime-"));
      await buildInBrowserRuntime({
        projectRoot: PROJECT_ROOT,
        examplesDir: EXAMPLES_DIR,
        outDir: join(buildDir, "_runtime"),
      });
      harness = await startHarnessServer(
        join(buildDir, "_runtime"),
        Number(process.env["IN_BROWSER_HARNESS_PORT"] ?? 0),
      );
      browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      page = await browser.newPage();
      const origin = harness.origin;
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(`${origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:"))
          foreignRequests.push(url);
      });
      await page.goto(`${origin}/`);
      remote = await remoteInBrowserRuntime(page);
      return remote;
    })());

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    if (buildDir) await rm(buildDir, { recursive: true, force: true });
  });

  describeRuntimeContract("in-browser runtime (Chromium)", () => ({
    createRuntime: async () => recording(await openPage()),
    examples,
    portIsFree: (port) => remote!.portIsFree(port),
  }));

  describe("in-browser runtime: parity with real Node, failures, origin", () => {
    it.each(names)("%s: the same test counts as `npm test` with real Node", async (name) => {
      const inPage = testOutputs.get(name);
      expect(inPage, "the contract suite ran this example's tests first").toBeDefined();
      const page = totalsOf(inPage!);
      const nodeOutput = (await realNodeSummary(join(EXAMPLES_DIR, name))).output;
      const node = totalsOf(nodeOutput);
      // The same tests, suites, skips and todos as Node, and every other test passing in the page. Real
      // Node's own pass count is not compared: on a loaded machine its PGlite file can hit --test-timeout.
      for (const total of ["tests", "suites", "todo"]) expect(page[total], `${total}\n${inPage}`).toBe(node[total]);
      // A test may skip itself in the page only by naming what the runtime lacks, with the runtime's own
      // message (e.g. child_process); the rest of the skips are Node's, by name.
      const nodeSkips = skippedTests(nodeOutput);
      const pageSkips = skippedTests(inPage!).filter((skip) => !RUNTIME_LACKS.test(skip.reason));
      expect(pageSkips.map((skip) => skip.name).sort(), inPage).toEqual(
        nodeSkips
          .map((skip) => skip.name)
          .filter((name) => !runtimeSkipped(inPage!).includes(name))
          .sort(),
      );
      expect(page, inPage).toMatchObject({
        fail: 0,
        cancelled: 0,
        pass: page["tests"]! - page["skipped"]! - page["todo"]!,
      });
    });

    it("node:test's features, an enum, a hanging test and a real-server driver end with every total real Node gives", async () => {
      const folder = await mkdtemp(join(tmpdir(), "parity-probe-"));
      for (const [path, contents] of Object.entries(PARITY_FILES)) {
        await mkdir(dirname(join(folder, path)), { recursive: true });
        await writeFile(join(folder, path), contents);
      }
      const node = await realNodeSummary(folder);
      await rm(folder, { recursive: true, force: true });

      const runtime = await openPage();
      await runtime.mount("parity-probe", PARITY_FILES);
      const chunks: string[] = [];
      const process = await runtime.spawn(
        "parity-probe",
        { kind: "test" },
        { onOutput: (chunk) => chunks.push(chunk.text) },
      );
      const exit = await process.exit;
      const output = chunks.join("");
      expect(totalsOf(output), output).toEqual(totalsOf(node.output));
      expect(Object.keys(totalsOf(output))).toHaveLength(7);
      expect(output).toMatch(
        /SyntaxError \[ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX\]: TypeScript enum is not supported in strip-only mode/,
      );
      expect(node.output).toMatch(
        /SyntaxError \[ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX\]: TypeScript enum is not supported in strip-only mode/,
      );
      expect(output).toMatch(/ℹ cancelled 1/);
      expect(output).toMatch(/'test timed out after 500ms'/);
      expect(exit.code).toBe(1);
    });

    it("a site without the runtime's files, or with a stripper that cannot start, fails the Run with the reason", async () => {
      await openPage();
      const files = { "package.json": PARITY_FILES["package.json"]!, "tests/a.test.ts": "" };
      const missing = await page!.evaluate(([f]) => window.inBrowserHarness.failedRun("/nowhere/", f), [
        files,
      ] as const);
      expect(missing).toMatchObject({ name: "RuntimeUnavailableError", reason: "runtime-unreachable" });
      const broken = await page!.evaluate(([f]) => window.inBrowserHarness.failedRun("/_broken/", f), [files] as const);
      expect(broken).toMatchObject({ name: "RuntimeUnavailableError", reason: "boot-failed" });
    });

    it("fetched nothing from another origin", () => {
      expect(foreignRequests).toEqual([]);
    });
  });
}
