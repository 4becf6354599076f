/** The WebContainer adapter against a fake of the documented API: boot, TypeScript modes, dependencies, runs, failures. */
import { describe, expect, it } from "vitest";
import type { BrowserEnvironment } from "../browser-environment.ts";
import type { DependencySource } from "../dependency-snapshots.ts";
import { RuntimeUnavailableError, ServiceNotRunningError, type OutputChunk } from "../port.ts";
import { createWebContainerRuntime, type WebContainerRuntimeOptions } from "../webcontainer.adapter.ts";
import { FakeWebContainer, fakeRequestOutput, type FakeNode, type Script } from "./fake-webcontainer.ts";

const ISOLATED: BrowserEnvironment = { crossOriginIsolated: true, hasRequiredApis: true, onLine: true };
const NODE_24: FakeNode = { version: "v24.4.0", stripsTypes: "natively" };

const FILES = {
  "package.json": JSON.stringify({ scripts: { test: 'node --test "tests/**/*.test.ts"', start: "node src/main.ts" } }),
  "src/main.ts": "export {};",
  "tests/unit/order.test.ts": "export {};",
  "tests/http/orders.test.ts": "export {};",
};

/** Scripted example processes: tests pass, the service listens on its PORT and answers requests. */
const exampleScript: Script = (call) => {
  if (call.command === "npm") return { output: ["added 3 packages\r\n"], exitCode: 0 };
  if (call.args[0] === "-e")
    return {
      output: [
        fakeRequestOutput({
          status: 200,
          statusText: "OK",
          headers: [["content-type", "application/json"]],
          body: '{"status":"live"}',
        }),
      ],
      exitCode: 0,
    };
  if (call.args.includes("--test"))
    return { output: ["✔ order total\r\n", "ℹ pass 2\r\n", "ℹ fail 0\r\n"], exitCode: 0 };
  return { output: [`listening on http://localhost:${call.env.PORT}\r\n`], listenOn: Number(call.env.PORT) };
};

function setup(overrides: { node?: FakeNode; script?: Script; options?: Partial<WebContainerRuntimeOptions> } = {}) {
  const container = new FakeWebContainer(overrides.node ?? NODE_24, overrides.script ?? exampleScript);
  let boots = 0;
  const runtime = createWebContainerRuntime({
    boot: async () => {
      boots += 1;
      return container;
    },
    environment: () => ISOLATED,
    ...overrides.options,
  });
  return { container, runtime, boots: () => boots };
}

const collect = () => {
  const chunks: OutputChunk[] = [];
  return {
    chunks,
    onOutput: (chunk: OutputChunk) => void chunks.push(chunk),
    text: () => chunks.map((c) => c.text).join(""),
  };
};

describe("booting", () => {
  it("boots only on the first action, once per page, with one folder per example", async () => {
    const { container, runtime, boots } = setup();
    expect(boots()).toBe(0);
    await runtime.mount("cache-aside", FILES);
    await runtime.mount("domain-model", { ...FILES, "src/order.entity.ts": "export {};" });
    expect(boots()).toBe(1);
    expect(container.text("cache-aside/src/main.ts")).toBe("export {};");
    expect(container.text("domain-model/src/order.entity.ts")).toBe("export {};");
  });

  it("refuses to boot without cross-origin isolation, saying why", async () => {
    const { runtime, boots } = setup({ options: { environment: () => ({ ...ISOLATED, crossOriginIsolated: false }) } });
    await expect(runtime.mount("cache-aside", FILES)).rejects.toMatchObject({ reason: "not-cross-origin-isolated" });
    expect(boots()).toBe(0);
  });

  it.each([
    ["unsupported-browser", { ...ISOLATED, hasRequiredApis: false }, new Error("never called")],
    ["offline", { ...ISOLATED, onLine: false }, new Error("never called")],
    ["runtime-unreachable", ISOLATED, new TypeError("Failed to fetch")],
    ["storage-blocked", ISOLATED, new DOMException("The operation is insecure.", "SecurityError")],
    ["boot-failed", ISOLATED, new Error("Unable to create more instances")],
  ] as const)("reports a boot failure as %s", async (reason, environment, failure) => {
    const runtime = createWebContainerRuntime({ boot: () => Promise.reject(failure), environment: () => environment });
    const error = await runtime.mount("cache-aside", FILES).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RuntimeUnavailableError);
    expect((error as RuntimeUnavailableError).reason).toBe(reason);
  });

  it("reports a boot that never finishes as unreachable, and boots again on the next action", async () => {
    let attempts = 0;
    const container = new FakeWebContainer(NODE_24, exampleScript);
    const runtime = createWebContainerRuntime({
      boot: () => (++attempts === 1 ? new Promise<never>(() => undefined) : Promise.resolve(container)),
      environment: () => ISOLATED,
      limits: { bootTimeoutMs: 20 },
    });
    await expect(runtime.mount("cache-aside", FILES)).rejects.toMatchObject({ reason: "runtime-unreachable" });
    await runtime.mount("cache-aside", FILES);
    expect(attempts).toBe(2);
  });
});

describe("TypeScript on the container's Node", () => {
  it("runs .ts directly when the container's Node strips types", async () => {
    const { container, runtime } = setup();
    await runtime.mount("cache-aside", FILES);
    await (
      await runtime.spawn("cache-aside", { kind: "test" }, collect())
    ).exit;
    expect(runtime.typeScriptMode()).toEqual({ kind: "native", nodeVersion: "v24.4.0" });
    const run = container.calls.at(-1)!;
    expect(run).toMatchObject({ command: "node", args: ["--test", "tests/**/*.test.ts"], cwd: "cache-aside" });
    expect(run.env.NODE_OPTIONS).toBeUndefined();
  });

  it("adds --experimental-strip-types when only the flag works", async () => {
    const { container, runtime } = setup({ node: { version: "v22.12.0", stripsTypes: "with-flag" } });
    await runtime.mount("cache-aside", FILES);
    await (
      await runtime.spawn("cache-aside", { kind: "start" }, collect())
    ).serverReady;
    expect(runtime.typeScriptMode()?.kind).toBe("flag");
    expect(container.calls.at(-1)!.env.NODE_OPTIONS).toContain("--experimental-strip-types");
  });

  it("falls back to a type-stripping module hook on older Node, expanding the test glob itself", async () => {
    const { container, runtime } = setup({ node: { version: "v20.19.1", stripsTypes: "no" } });
    await runtime.mount("cache-aside", FILES);
    await runtime.writeFile("cache-aside", "tests/unit/money.test.ts", "export {};");
    await (
      await runtime.spawn("cache-aside", { kind: "test" }, collect())
    ).exit;
    expect(runtime.typeScriptMode()?.kind).toBe("hook");
    expect(container.text(".field-guide/strip-types-hooks.mjs")).toContain('mode: "strip-only"');
    const run = container.calls.at(-1)!;
    expect(run.env.NODE_OPTIONS).toBe("--import=file:///home/field-guide/.field-guide/register-strip-types.mjs");
    expect(run.args).toEqual([
      "--test",
      "tests/http/orders.test.ts",
      "tests/unit/money.test.ts",
      "tests/unit/order.test.ts",
    ]);
  });

  it("gives up clearly on a Node that has neither type stripping nor module hooks", async () => {
    const { runtime } = setup({ node: { version: "v16.20.0", stripsTypes: "no" } });
    await expect(runtime.mount("cache-aside", FILES)).rejects.toMatchObject({
      reason: "boot-failed",
      message: expect.stringContaining("v16.20.0"),
    });
  });
});

describe("dependencies", () => {
  const source = (available: Record<string, readonly string[]>): DependencySource & { asked: string[][] } => {
    const asked: string[][] = [];
    return {
      asked,
      async snapshotsFor(example, except) {
        const names = available[example]?.filter((name) => !except.has(name));
        asked.push([example, ...except]);
        return names?.map((name) => ({ name, snapshot: new Uint8Array([1, 2, 3]) }));
      },
    };
  };

  it("mounts each package's snapshot once under node_modules, shared by the examples", async () => {
    const dependencies = source({ "cache-aside": ["hono", "zod"], "domain-model": ["hono", "zod"] });
    const { container, runtime } = setup({ options: { dependencies } });
    await runtime.mount("cache-aside", FILES);
    await runtime.mount("domain-model", FILES);
    expect(container.mounts.filter((m) => m.kind === "snapshot").map((m) => m.mountPoint)).toEqual([
      "node_modules/hono",
      "node_modules/zod",
    ]);
    expect(container.calls.some((call) => call.command === "npm")).toBe(false);
  });

  it("installs with npm, in the example's folder, when the site has no snapshots", async () => {
    const { container, runtime } = setup({ options: { dependencies: source({}) } });
    await runtime.mount("cache-aside", FILES);
    expect(container.calls.find((call) => call.command === "npm")).toMatchObject({
      args: ["install", "--no-audit", "--no-fund", "--loglevel=error"],
      cwd: "cache-aside",
    });
  });

  it("reports a failed install as unreachable with npm's own words", async () => {
    const script: Script = (call) =>
      call.command === "npm"
        ? { output: ["npm error network request failed\r\n"], exitCode: 1 }
        : exampleScript(call, undefined as never);
    const { runtime } = setup({ script });
    const error = (await runtime
      .mount("cache-aside", FILES)
      .catch((caught: unknown) => caught)) as RuntimeUnavailableError;
    expect(error.reason).toBe("runtime-unreachable");
    expect(error.message).toContain("network request failed");
  });
});

describe("runs", () => {
  it("streams a test run's output and exit code; a test run never reports a server", async () => {
    const { runtime } = setup();
    await runtime.mount("cache-aside", FILES);
    const output = collect();
    const run = await runtime.spawn("cache-aside", { kind: "test" }, output);
    expect(await run.exit).toEqual({ code: 0, signal: null, reason: "exited" });
    expect(output.text()).toContain("ℹ pass 2");
    await expect(run.serverReady).rejects.toThrow(/before it listened/);
  });

  it("starts the service on its own PORT, sends requests from inside the container, and stops it", async () => {
    const { container, runtime } = setup();
    await runtime.mount("cache-aside", FILES);
    const first = await runtime.spawn("cache-aside", { kind: "start" }, collect());
    const second = await runtime.spawn("cache-aside", { kind: "start" }, collect());
    const server = await first.serverReady;
    expect(server.url).toBe(`https://preview-${server.port}.example`);
    expect((await second.serverReady).port).not.toBe(server.port);

    const answer = await server.request({ method: "GET", path: "/health/live" });
    expect(answer).toMatchObject({ status: 200, body: '{"status":"live"}' });
    const sent = JSON.parse(container.calls.at(-1)!.args[2]!);
    expect(sent).toMatchObject({ port: server.port, method: "GET", path: "/health/live" });

    await first.kill();
    expect(await first.exit).toMatchObject({ reason: "killed" });
    await expect(server.request({ method: "GET", path: "/health/live" })).rejects.toBeInstanceOf(
      ServiceNotRunningError,
    );
    await runtime.teardown();
    expect(container.tornDown).toBe(true);
    expect(await second.exit).toMatchObject({ reason: "killed" });
  });

  it("reports a refused connection as a stopped service", async () => {
    const script: Script = (call) =>
      call.args[0] === "-e"
        ? { output: [fakeRequestOutput({ error: "ECONNREFUSED" })], exitCode: 0 }
        : exampleScript(call, undefined as never);
    const { runtime } = setup({ script });
    await runtime.mount("cache-aside", FILES);
    const server = await (await runtime.spawn("cache-aside", { kind: "start" }, collect())).serverReady;
    await expect(server.request({ method: "GET", path: "/" })).rejects.toBeInstanceOf(ServiceNotRunningError);
  });

  it("stops a service that never listens, a run past its time limit, and a flood of output", async () => {
    const script: Script = (call) =>
      call.command === "npm"
        ? { exitCode: 0 }
        : call.args.includes("src/flood.ts")
          ? { output: Array.from({ length: 50 }, () => "x".repeat(100)) }
          : {};
    const { runtime, container } = setup({
      script,
      options: { limits: { listenTimeoutMs: 20, runTimeoutMs: 40, maxOutputBytes: 1_000, killTimeoutMs: 20 } },
    });
    await runtime.mount("cache-aside", { ...FILES, "src/flood.ts": "" });
    const silent = await runtime.spawn("cache-aside", { kind: "start" }, collect());
    expect(await silent.exit).toMatchObject({
      reason: "never-listened",
      message: expect.stringContaining("did not listen"),
    });
    await expect(silent.serverReady).rejects.toThrow(/did not listen/);
    const endless = await runtime.spawn("cache-aside", { kind: "test" }, collect());
    expect(await endless.exit).toMatchObject({ reason: "timeout" });
    const output = collect();
    const flood = await runtime.spawn("cache-aside", { kind: "node", file: "src/flood.ts" }, output);
    expect(await flood.exit).toMatchObject({ reason: "output-limit" });
    expect(output.text().length).toBeLessThanOrEqual(1_000);
    expect(container.killed).toHaveLength(3);
  });

  it("runs only the example's scripts without a shell, and node only on its own files", async () => {
    const { runtime } = setup();
    await runtime.mount("cache-aside", {
      ...FILES,
      "package.json": JSON.stringify({ scripts: { start: "node src/main.ts && rm -rf /" } }),
    });
    await expect(runtime.spawn("cache-aside", { kind: "start" }, collect())).rejects.toThrow(/without a shell/);
    await expect(runtime.spawn("cache-aside", { kind: "test" }, collect())).rejects.toThrow(/no "test" script/);
    await expect(runtime.spawn("cache-aside", { kind: "node", file: "../other/x.ts" }, collect())).rejects.toThrow(
      /relative/,
    );
    await expect(runtime.spawn("other", { kind: "test" }, collect())).rejects.toThrow(/not mounted/);
  });
});
