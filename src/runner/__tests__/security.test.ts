/**
 * The runner's security model, tested against a real server on a loopback port: who may call it,
 * what may be written, what may run, and that every way a run ends leaves no process and no directory.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectRun, handshakeToken, openRun, send } from "./http-client.ts";
import {
  groupAlive,
  leftoverRunDirs,
  PROJECT_ROOT,
  processesUnder,
  startRunnerServer,
  type RunnerServer,
} from "./runner-server.ts";
import { readFile } from "node:fs/promises";

const LIMITS = {
  maxFiles: 12,
  maxFileBytes: 8 * 1024,
  maxBodyBytes: 64 * 1024,
  maxConcurrentRuns: 3,
  runTimeoutMs: 4_000,
  listenTimeoutMs: 2_500,
  idleTimeoutMs: 1_500,
  maxOutputBytes: 64 * 1024,
  killGraceMs: 500,
};

const FIXTURE = join(PROJECT_ROOT, "src/runner/__tests__/fixtures/examples/hello");
let helloFiles: Record<string, string>;
let server: RunnerServer;
let token: string;
const leaders = new Set<number>();

function pidOf(stdout: string): number | undefined {
  const match = /pid (\d+)/.exec(stdout);
  return match ? Number(match[1]) : undefined;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(50);
  }
}

const run = (body: unknown) => openRun(server.port, token, body);
const authorized = (headers: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...headers });

beforeAll(async () => {
  helloFiles = {
    "package.json": await readFile(join(FIXTURE, "package.json"), "utf8"),
    "src/main.ts": await readFile(join(FIXTURE, "src/main.ts"), "utf8"),
    "checks/greeting.check.ts": await readFile(join(FIXTURE, "checks/greeting.check.ts"), "utf8"),
  };
  server = await startRunnerServer({ limits: LIMITS });
  token = await handshakeToken(server.port);
});

afterAll(async () => {
  const tempRoot = server.tempRoot;
  await server.close();
  // The suite's closing promise: nothing it started is still running or on disk.
  expect(await processesUnder(tempRoot)).toEqual([]);
  for (const pid of leaders) expect(groupAlive(pid), `process group ${pid}`).toBe(false);
  expect(existsSync(tempRoot)).toBe(false);
});

describe("who may call the runner", () => {
  it("gives the token to a same-origin handshake only", async () => {
    const own = await send(server.port, { path: "/__runner/handshake", headers: { "sec-fetch-site": "same-origin" } });
    expect(own.status).toBe(200);
    expect(own.json<{ token: string; examples: Array<{ name: string }> }>().examples.map((e) => e.name)).toContain(
      "hello",
    );

    const crossSite = await send(server.port, {
      path: "/__runner/handshake",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.text).not.toContain(token);

    const foreignOrigin = await send(server.port, {
      path: "/__runner/handshake",
      headers: { origin: "https://evil.example" },
    });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.headers["content-type"]).toBe("application/problem+json");
    expect(foreignOrigin.json().type).toMatch(/forbidden-origin$/);
  });

  it("refuses a foreign Host, as a DNS-rebinding page would send, even for the handshake", async () => {
    const rebound = await send(server.port, {
      path: "/__runner/handshake",
      headers: { host: `evil.example:${server.port}` },
    });
    expect(rebound.status).toBe(403);
    expect(rebound.json().type).toMatch(/forbidden-host$/);
    expect(rebound.text).not.toContain(token);

    const withToken = await send(server.port, {
      method: "DELETE",
      path: "/__runner/runs/x",
      headers: authorized({ host: `evil.example:${server.port}` }),
    });
    expect(withToken.status).toBe(403);
  });

  it("refuses runs without the secret, with a wrong one, or from a foreign Origin", async () => {
    const body = JSON.stringify({ example: "hello", files: helloFiles, command: { kind: "test" } });
    const json = { "content-type": "application/json" };
    const missing = await send(server.port, { method: "POST", path: "/__runner/runs", headers: json, body });
    expect(missing.status).toBe(401);
    expect(missing.json().type).toMatch(/missing-token$/);

    const wrong = await send(server.port, {
      method: "POST",
      path: "/__runner/runs",
      headers: { ...json, authorization: `Bearer ${"x".repeat(43)}` },
      body,
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json().type).toMatch(/wrong-token$/);

    const foreign = await send(server.port, {
      method: "POST",
      path: "/__runner/runs",
      headers: authorized({ ...json, origin: "http://localhost.evil.example" }),
      body,
    });
    expect(foreign.status).toBe(403);

    const proxied = await send(server.port, { path: "/__runner/proxy/anything/health/live" });
    expect(proxied.status).toBe(401);
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });
});

describe("what may be written", () => {
  const attempt = async (files: Record<string, string>, command: unknown = { kind: "test" }) => {
    const answer = await send(server.port, {
      method: "POST",
      path: "/__runner/runs",
      headers: authorized({ "content-type": "application/json" }),
      body: JSON.stringify({ example: "hello", files: { ...helloFiles, ...files }, command }),
    });
    return {
      status: answer.status,
      problem: String(answer.json().type ?? "")
        .split("/")
        .pop(),
    };
  };

  it.each([
    ["a .. segment", "../escape.ts"],
    ["a nested .. segment", "src/../../escape.ts"],
    ["an absolute path", "/tmp/escape.ts"],
    ["a Windows drive path", "C:/escape.ts"],
    ["a backslash", "src\\escape.ts"],
    ["a NUL byte", "src/escape\0.ts"],
    ["the node_modules link (a symlink out of the run directory)", "node_modules/hono/escape.js"],
    ["node_modules further down", "src/node_modules/x.js"],
  ])("refuses %s", async (_label, path) => {
    expect(await attempt({ [path]: "export {};" })).toEqual({ status: 400, problem: "unsafe-path" });
    expect(existsSync(join(PROJECT_ROOT, "node_modules/hono/escape.js"))).toBe(false);
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });

  it("caps file count, file size and body size", async () => {
    const many = Object.fromEntries(Array.from({ length: LIMITS.maxFiles }, (_, i) => [`src/f${i}.ts`, ""]));
    expect(await attempt(many)).toEqual({ status: 413, problem: "too-many-files" });
    expect(await attempt({ "src/big.ts": "x".repeat(LIMITS.maxFileBytes + 1) })).toEqual({
      status: 413,
      problem: "file-too-large",
    });
    const huge = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`src/h${i}.ts`, "y".repeat(LIMITS.maxFileBytes - 10)]),
    );
    expect(await attempt(huge)).toEqual({ status: 413, problem: "body-too-large" });
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });
});

describe("what may run", () => {
  const attempt = async (body: unknown) => {
    const answer = await send(server.port, {
      method: "POST",
      path: "/__runner/runs",
      headers: authorized({ "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    return {
      status: answer.status,
      problem: String(answer.json().type ?? "")
        .split("/")
        .pop(),
      detail: String(answer.json().detail),
    };
  };

  it("runs only the example's own scripts and node on its own files", async () => {
    expect(
      await attempt({ example: "hello", files: helloFiles, command: { kind: "shell", line: "id" } }),
    ).toMatchObject({ status: 400, problem: "invalid-request" });
    expect(
      await attempt({ example: "hello", files: helloFiles, command: { kind: "node", file: "../../../etc/passwd" } }),
    ).toMatchObject({ status: 400, problem: "unsafe-path" });
    expect(
      await attempt({ example: "hello", files: helloFiles, command: { kind: "node", file: "src/absent.ts" } }),
    ).toMatchObject({ status: 400, problem: "disallowed-command" });
    expect(
      await attempt({
        example: "hello",
        files: { ...helloFiles, "notes.txt": "" },
        command: { kind: "node", file: "notes.txt" },
      }),
    ).toMatchObject({ status: 400, problem: "disallowed-command" });
    expect(await attempt({ example: "../hello", files: helloFiles, command: { kind: "test" } })).toMatchObject({
      status: 404,
      problem: "unknown-example",
    });
    expect(await attempt({ example: "nope", files: helloFiles, command: { kind: "test" } })).toMatchObject({
      status: 404,
      problem: "unknown-example",
    });
  });

  it("refuses scripts that would need a shell", async () => {
    const start = await attempt({ example: "shell-script", files: { "src/main.ts": "" }, command: { kind: "start" } });
    expect(start).toMatchObject({ status: 400, problem: "disallowed-command" });
    expect(start.detail).toContain("&");
    const test = await attempt({ example: "shell-script", files: { "src/main.ts": "" }, command: { kind: "test" } });
    expect(test).toMatchObject({ status: 400, problem: "disallowed-command" });
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });
});

describe("limits and endings", () => {
  it("runs the test script for real and reports its summary and exit code 0", async () => {
    const opened = await run({ example: "hello", files: helloFiles, command: { kind: "test" } });
    expect(opened.status).toBe(200);
    const result = await collectRun(opened.events);
    expect(stripVTControlCharacters(result.stdout)).toMatch(/pass 1/);
    expect(result.exit).toMatchObject({ code: 0, reason: "exited" });
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });

  it("stops a test that never ends at the time limit", async () => {
    const files = {
      ...helloFiles,
      "checks/hang.check.ts":
        'import test from "node:test";\ntest("hangs", () => new Promise(() => setInterval(() => {}, 1000)));\n',
    };
    const result = await collectRun((await run({ example: "hello", files, command: { kind: "test" } })).events);
    expect(result.exit?.reason).toBe("timeout");
    expect(result.exit?.message).toMatch(/time limit/);
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });

  it("stops a flood of output at the output cap", async () => {
    const files = {
      ...helloFiles,
      "src/flood.ts":
        'console.log(`pid ${process.pid}`);\nconst line = "x".repeat(1023);\nsetInterval(() => { for (let i = 0; i < 64; i++) console.log(line); }, 1);\n',
    };
    const result = await collectRun(
      (await run({ example: "hello", files, command: { kind: "node", file: "src/flood.ts" } })).events,
    );
    expect(result.exit?.reason).toBe("output-limit");
    expect(Buffer.byteLength(result.stdout + result.stderr)).toBeLessThanOrEqual(LIMITS.maxOutputBytes);
    const pid = pidOf(result.stdout);
    expect(pid).toBeDefined();
    leaders.add(pid!);
    expect(groupAlive(pid!)).toBe(false);
  });

  it("reports a service that never listens, and stops it", async () => {
    const files = {
      ...helloFiles,
      "src/main.ts": "console.log(`pid ${process.pid}`);\nsetInterval(() => {}, 1000);\n",
    };
    const result = await collectRun((await run({ example: "hello", files, command: { kind: "start" } })).events);
    expect(result.exit?.reason).toBe("never-listened");
    expect(result.listening).toBeUndefined();
    leaders.add(pidOf(result.stdout)!);
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });

  it("stops a service nobody calls at the idle timeout", async () => {
    const result = await collectRun(
      (await run({ example: "hello", files: helloFiles, command: { kind: "start" } })).events,
    );
    expect(result.listening?.url).toMatch(/^\/__runner\/proxy\/[\w-]+\/$/);
    expect(result.exit?.reason).toBe("idle");
    leaders.add(pidOf(result.stdout)!);
  });

  it("kills the run when the page disconnects mid-run", async () => {
    const opened = await run({ example: "hello", files: helloFiles, command: { kind: "start" } });
    let stdout = "";
    for await (const event of opened.events) {
      if (event.event === "stdout") stdout += JSON.parse(event.data) as string;
      if (event.event === "listening") break;
    }
    const pid = pidOf(stdout)!;
    leaders.add(pid);
    expect(groupAlive(pid)).toBe(true);
    opened.disconnect();
    await waitFor(() => !groupAlive(pid));
    await waitFor(async () => (await leftoverRunDirs(server.tempRoot)).length === 0);
    expect(server.runner.activeRunIds()).toEqual([]);
  });

  it("caps concurrent runs", async () => {
    const opened = await Promise.all(
      Array.from({ length: LIMITS.maxConcurrentRuns }, () =>
        run({ example: "hello", files: helloFiles, command: { kind: "start" } }),
      ),
    );
    const refused = await send(server.port, {
      method: "POST",
      path: "/__runner/runs",
      headers: authorized({ "content-type": "application/json" }),
      body: JSON.stringify({ example: "hello", files: helloFiles, command: { kind: "test" } }),
    });
    expect(refused.status).toBe(429);
    for (const id of server.runner.activeRunIds()) {
      const stopped = await send(server.port, {
        method: "DELETE",
        path: `/__runner/runs/${id}`,
        headers: authorized(),
      });
      expect(stopped.json<{ exit: { reason: string } }>().exit.reason).toBe("killed");
    }
    for (const each of opened) await collectRun(each.events);
    expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
  });
});

describe("the proxy", () => {
  it("reaches only a listening run's port, forwards method, body and status, and strips the token", async () => {
    const opened = await run({ example: "hello", files: helloFiles, command: { kind: "start" } });
    let listening: { url: string } | undefined;
    let stdout = "";
    for await (const event of opened.events) {
      if (event.event === "stdout") stdout += JSON.parse(event.data) as string;
      if (event.event === "listening") {
        listening = JSON.parse(event.data);
        break;
      }
    }
    leaders.add(pidOf(stdout)!);
    const echoed = await send(server.port, {
      method: "POST",
      path: `${listening!.url}orders?x=1`,
      headers: authorized({ "content-type": "application/json", "x-reader": "yes" }),
      body: '{"quantity":2}',
    });
    expect(echoed.status).toBe(201);
    expect(echoed.headers["x-echo"]).toBe("yes");
    const echo = echoed.json<{ method: string; url: string; body: string; headers: Record<string, string> }>();
    expect(echo).toMatchObject({ method: "POST", url: "/orders?x=1", body: '{"quantity":2}' });
    expect(echo.headers["x-reader"]).toBe("yes");
    expect(echo.headers.authorization).toBeUndefined();

    const id = listening!.url.split("/")[3]!;
    await send(server.port, { method: "DELETE", path: `/__runner/runs/${id}`, headers: authorized() });
    const afterStop = await send(server.port, { path: `${listening!.url}health/live`, headers: authorized() });
    expect(afterStop.status).toBe(502);
    expect(afterStop.json().type).toMatch(/service-not-running$/);
    await collectRun(opened.events);

    const unknown = await send(server.port, { path: "/__runner/proxy/not-a-run/health/live", headers: authorized() });
    expect(unknown.status).toBe(502);
  });
});

describe("server shutdown", () => {
  it("close() kills every run and removes its directory", async () => {
    const own = await startRunnerServer({ limits: LIMITS });
    const ownToken = await handshakeToken(own.port);
    const opened = await openRun(own.port, ownToken, {
      example: "hello",
      files: helloFiles,
      command: { kind: "start" },
    });
    let stdout = "";
    for await (const event of opened.events) {
      if (event.event === "stdout") stdout += JSON.parse(event.data) as string;
      if (event.event === "listening") break;
    }
    const pid = pidOf(stdout)!;
    leaders.add(pid);
    const tempRoot = own.tempRoot;
    await own.runner.close();
    expect(groupAlive(pid)).toBe(false);
    expect(await leftoverRunDirs(tempRoot)).toEqual([]);
    expect(await processesUnder(tempRoot)).toEqual([]);
    await own.close();
  });
});
