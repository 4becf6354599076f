/**
 * The runner's security model, tested against a real server on a loopback port: who may call it,
 * what may be written, what may run, and that every way a run ends leaves no process and no directory.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectRun, openRun, send } from "./http-client.ts";
import { resolveCommandArgs } from "../example-catalog.ts";
import {
  FIXTURE_EXAMPLES,
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

const NOBODY = { uid: 65534, gid: 65534 };

/** Why the test cannot act as another OS user here, or undefined when it can (root, a nobody user, curl). */
async function otherUserClientUnavailable(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return "switching users needs root, and this test runs as a normal user";
  const probe = spawnSync("curl", ["--version"], { uid: NOBODY.uid, gid: NOBODY.gid });
  if (probe.error || probe.status !== 0) return "curl cannot run as uid 65534 (nobody) on this machine";
  return undefined;
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
  // What `npm start` prints in its link and writes to the 0600 token file.
  token = server.runner.token;
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
  it("hands the token to no one over HTTP: a local client without the cookie (curl, another user) gets no token and no run", async () => {
    // Finding 1: a loopback request with an own Host and no Origin/Sec-Fetch-Site (what curl, another OS user
    // or a port forwarder sends) used to receive the token from the handshake.
    const bare = await send(server.port, { path: "/__runner/handshake" });
    expect(bare.status).toBe(401);
    expect(bare.json().type).toMatch(/missing-token$/);
    expect(bare.json().detail).toMatch(/npm run link/);
    expect(bare.text).not.toContain(token);
    const sameOrigin = await send(server.port, {
      path: "/__runner/handshake",
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(401);
    const body = JSON.stringify({
      example: "hello",
      files: helloFiles,
      command: { kind: "node", file: "src/main.ts" },
    });
    const posted = await send(server.port, {
      method: "POST",
      path: "/__runner/runs",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(posted.status).toBe(401);
    expect(server.runner.activeRunIds()).toEqual([]);
  });

  it("gives an authorized handshake the examples and limits, never the token", async () => {
    const own = await send(server.port, { path: "/__runner/handshake", headers: authorized() });
    expect(own.status).toBe(200);
    expect(own.json<{ examples: Array<{ name: string }> }>().examples.map((e) => e.name)).toContain("hello");
    expect(own.text).not.toContain(token);
  });

  it("trades the link's token for an HttpOnly, SameSite=Strict cookie scoped to /__runner that then authorizes runs", async () => {
    const traded = await send(server.port, {
      method: "POST",
      path: "/__runner/session",
      headers: authorized({ origin: `http://localhost:${server.port}`, host: `localhost:${server.port}` }),
    });
    expect(traded.status).toBe(204);
    const cookie = String(traded.headers["set-cookie"]);
    expect(cookie).toMatch(new RegExp(`^field-guide-runner-${server.port}=`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/__runner/);
    const pair = cookie.split(";")[0]!;
    const withCookie = await send(server.port, {
      path: "/__runner/handshake",
      headers: { cookie: `other=1; ${pair}` },
    });
    expect(withCookie.status).toBe(200);
    // Another guide on another port has its own cookie name: this one does not authorize it.
    const otherPort = await send(server.port, {
      path: "/__runner/handshake",
      headers: { cookie: pair.replace(String(server.port), "1") },
    });
    expect(otherPort.status).toBe(401);
    const wrongSession = await send(server.port, {
      method: "POST",
      path: "/__runner/session",
      headers: { authorization: `Bearer ${"x".repeat(43)}` },
    });
    expect(wrongSession.status).toBe(401);
    expect(wrongSession.headers["set-cookie"]).toBeUndefined();
  });

  it("as another OS user (nobody, with curl), cannot get the token or start a run", async (context) => {
    const why = await otherUserClientUnavailable();
    if (why) {
      console.log(`skipped: as another OS user: ${why}`);
      context.skip();
    }
    const curl = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn("curl", ["-s", "-o", "-", "-w", "\n%{http_code}", ...args], {
          uid: NOBODY.uid,
          gid: NOBODY.gid,
          stdio: ["ignore", "pipe", "ignore"],
        });
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (text: string) => (out += text));
        child.once("close", (code) => resolve({ code, out }));
      });
    const handshake = await curl([`http://127.0.0.1:${server.port}/__runner/handshake`]);
    expect(handshake.out.trim().split("\n").pop()).toBe("401");
    expect(handshake.out).not.toContain(token);
    const started = await curl([
      "-X",
      "POST",
      "-H",
      "content-type: application/json",
      "--data",
      JSON.stringify({ example: "hello", files: helloFiles, command: { kind: "test" } }),
      `http://127.0.0.1:${server.port}/__runner/runs`,
    ]);
    expect(started.out.trim().split("\n").pop()).toBe("401");
    expect(server.runner.activeRunIds()).toEqual([]);
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

  it("refuses a file name node would read as an option, and runs node files after -- anyway", async () => {
    // Finding 6: `{kind:"node", file:"--eval=…"}` ran the name as code instead of as a file.
    const evil = "--eval=require('fs').writeFileSync('/tmp/field-guide-pwned','')";
    expect(await attempt({ [evil]: "" }, { kind: "node", file: evil })).toEqual({
      status: 400,
      problem: "unsafe-path",
    });
    expect(await attempt({ "src/-r.ts": "" })).toEqual({ status: 400, problem: "unsafe-path" });
    expect(existsSync("/tmp/field-guide-pwned")).toBe(false);
    expect(
      await resolveCommandArgs(FIXTURE_EXAMPLES, "hello", { kind: "node", file: "src/main.ts" }, helloFiles),
    ).toEqual(["--", "src/main.ts"]);
  });

  it.each([
    ["a file that is also a folder", { a: "", "a/b.js": "" }],
    ["a folder that is also a file", { "a/b.js": "", a: "" }],
    ["a name longer than the filesystem allows (130 × é)", { [`src/${"é".repeat(130)}.ts`]: "" }],
  ])("answers 400 with the reason, never 500, for %s", async (_label, files) => {
    // Finding 7: these reached the filesystem and came back as 500 internal.
    const answer = await send(server.port, {
      method: "POST",
      path: "/__runner/runs",
      headers: authorized({ "content-type": "application/json" }),
      body: JSON.stringify({ example: "hello", files: { ...helloFiles, ...files }, command: { kind: "test" } }),
    });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.json().type).toMatch(/unsafe-path$/);
    expect(String(answer.json().detail)).toMatch(/folder|longer than/);
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

describe("the proxy cannot be turned", () => {
  // Finding 4: a service could make the guide's server follow its redirects (to the token, or to other
  // hosts and ports), override the guide's headers on its origin, and receive the reader's credentials.
  const TURNING_SERVICE = `
import { createServer } from "node:http";
const server = createServer((request, response) => {
  if (request.url === "/redirect-to-runner") return response.writeHead(302, { location: "/__runner/handshake" }).end();
  if (request.url?.startsWith("/redirect-away")) return response.writeHead(307, { location: decodeURIComponent(request.url.split("?to=")[1] ?? "") }).end();
  if (request.url === "/override") {
    response.writeHead(200, {
      "content-type": "text/html",
      "cross-origin-opener-policy": "unsafe-none",
      "cross-origin-embedder-policy": "unsafe-none",
      "cross-origin-resource-policy": "cross-origin",
      "access-control-allow-origin": "*",
      "access-control-allow-credentials": "true",
      "set-cookie": "field-guide-runner-1=stolen; Path=/",
      "cache-control": "public, max-age=31536000",
      "content-security-policy": "default-src *",
      "x-service": "kept",
    });
    return response.end("<h1>service page</h1>");
  }
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ url: request.url, headers: request.headers }));
});
server.listen(Number(process.env.PORT), process.env.HOST, () => console.log("pid " + process.pid));
`;
  let serviceUrl = "";
  let opened: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    opened = await run({
      example: "hello",
      files: { ...helloFiles, "src/turning.ts": TURNING_SERVICE },
      command: { kind: "node", file: "src/turning.ts" },
    });
    let stdout = "";
    for await (const event of opened.events) {
      if (event.event === "stdout") stdout += JSON.parse(event.data) as string;
      if (event.event === "listening") {
        serviceUrl = (JSON.parse(event.data) as { url: string }).url;
        break;
      }
    }
    leaders.add(pidOf(stdout)!);
  });

  afterAll(async () => {
    const id = serviceUrl.split("/")[3]!;
    await send(server.port, { method: "DELETE", path: `/__runner/runs/${id}`, headers: authorized() });
    await collectRun(opened.events);
  });

  it("passes a redirect to the page as it is instead of following it (no token through a redirect to the runner)", async () => {
    const answer = await send(server.port, { path: `${serviceUrl}redirect-to-runner`, headers: authorized() });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/__runner/handshake");
    expect(answer.text).not.toContain(token);
  });

  it("never fetches another host or port a redirect points at", async () => {
    let hits = 0;
    const bystander = createServer((_request, response) => {
      hits += 1;
      response.end("bystander");
    });
    await new Promise<void>((resolve) => bystander.listen(0, "127.0.0.1", resolve));
    const bystanderPort = (bystander.address() as AddressInfo).port;
    try {
      const target = encodeURIComponent(`http://127.0.0.1:${bystanderPort}/private`);
      const answer = await send(server.port, {
        path: `${serviceUrl}redirect-away?to=${target}`,
        headers: authorized(),
      });
      expect(answer.status).toBe(307);
      expect(answer.text).not.toContain("bystander");
      expect(hits).toBe(0);
    } finally {
      await new Promise<void>((resolve) => bystander.close(() => resolve()));
    }
  });

  it("sets the guide's isolation headers, no-store and a sandbox CSP; drops the service's cookies, CORS and isolation headers", async () => {
    const answer = await send(server.port, { path: `${serviceUrl}override`, headers: authorized() });
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "no-store",
      "content-security-policy": "sandbox; frame-ancestors 'self'",
      "x-content-type-options": "nosniff",
      "x-service": "kept",
    });
    expect(answer.headers["set-cookie"]).toBeUndefined();
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
    expect(answer.text).toBe("<h1>service page</h1>");
  });

  it("forwards no credentials and no hop-by-hop headers, including those named in Connection, and sends the service's own Host", async () => {
    const answer = await send(server.port, {
      path: `${serviceUrl}echo`,
      headers: authorized({
        cookie: `field-guide-runner-${server.port}=${token}`,
        "proxy-authorization": "Basic c2VjcmV0",
        connection: "x-hop-secret",
        "x-hop-secret": "hop",
        "x-reader": "yes",
      }),
    });
    const echoed = answer.json<{ url: string; headers: Record<string, string> }>();
    expect(echoed.url).toBe("/echo");
    expect(echoed.headers["x-reader"]).toBe("yes");
    for (const name of ["authorization", "cookie", "proxy-authorization", "x-hop-secret"]) {
      expect(echoed.headers[name], name).toBeUndefined();
    }
    expect(JSON.stringify(echoed.headers)).not.toContain(token);
    expect(echoed.headers.host).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it("does not let an encoded run id shift the forwarded path", async () => {
    const id = serviceUrl.split("/")[3]!;
    const encodedFirst = `%${id.charCodeAt(0).toString(16)}${id.slice(1)}`;
    for (const path of [
      `/__runner/proxy/${encodedFirst}/echo`,
      `/__runner/proxy/${id}%2F..%2Fredirect-to-runner`,
      `/__runner/proxy/..%2F${id}/echo`,
    ]) {
      const answer = await send(server.port, { path, headers: authorized() });
      expect(answer.status, path).toBe(502);
    }
    const exact = await send(server.port, { path: `/__runner/proxy/${id}/a%2Fb?q=1`, headers: authorized() });
    expect(exact.json<{ url: string }>().url).toBe("/a%2Fb?q=1");
  });
});

describe("server shutdown", () => {
  it("close() kills every run and removes its directory", async () => {
    const own = await startRunnerServer({ limits: LIMITS });
    const ownToken = own.runner.token;
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
