/**
 * Finding 2: runs that try to leave their process group. A detached child that keeps the run's
 * port, a double-forked daemon, and a child holding the inherited output pipes must each be gone
 * when the run ends (by itself, by DELETE or at shutdown): process dead, port free, folder removed,
 * slot free. Both containment paths run where the machine allows: the run's own cgroup v2
 * (whose escapees also clear their environment and leave the run folder, which only the cgroup
 * can follow) and the marker sweep used without cgroups.
 */
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isListening } from "../tcp-port.ts";
import { collectRun, openRun, send } from "./http-client.ts";
import { leftoverRunDirs, processesUnder, startRunnerServer, type RunnerServer } from "./runner-server.ts";

const LIMITS = {
  maxConcurrentRuns: 1,
  runTimeoutMs: 20_000,
  listenTimeoutMs: 15_000,
  idleTimeoutMs: 60_000,
  killGraceMs: 500,
  drainTimeoutMs: 1_000,
};

/** True while the process exists and is not a zombie waiting to be reaped. */
async function running(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  if (stat === "") return false;
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(50);
  }
}

/**
 * The code of an escaping process: records its pid, optionally listens on the run's port, lives forever.
 * `evasive` escapees also drop the run's environment (its marker) and work from / rather than the run folder.
 */
function escapee(pidFile: string, listen: boolean): string {
  return [
    `require("node:fs").appendFileSync(${JSON.stringify(pidFile)}, process.pid + "\\n");`,
    listen
      ? `require("node:http").createServer((q, s) => s.end("escaped")).listen(Number(process.env.PORT), "127.0.0.1");`
      : "",
    "setInterval(() => {}, 1000);",
  ].join(" ");
}

function spawnOptions(evasive: boolean, stdio: "ignore" | "inherit"): string {
  return evasive
    ? `{ detached: true, stdio: ${JSON.stringify(stdio)}, cwd: "/", env: { PORT: process.env.PORT } }`
    : `{ detached: true, stdio: ${JSON.stringify(stdio)} }`;
}

/** Leader code: waits until the run's port answers, then exits (unless it stays to serve). */
const WAIT_FOR_PORT_THEN_EXIT = `
const net = require("node:net");
const tryConnect = () => {
  const socket = net.connect(Number(process.env.PORT), "127.0.0.1");
  socket.once("connect", () => { socket.destroy(); console.log("escapee listening on port " + process.env.PORT + "; leader exits"); process.exit(0); });
  socket.once("error", () => setTimeout(tryConnect, 100));
};
tryConnect();
`;

const scenarios = (pidFile: string, evasive: boolean) => ({
  "a detached child (new session) that keeps listening on the run's port": `
const { spawn } = require("node:child_process");
spawn(process.execPath, ["-e", ${JSON.stringify(escapee(pidFile, true))}], ${spawnOptions(evasive, "ignore")}).unref();
${WAIT_FOR_PORT_THEN_EXIT}`,
  "a double-forked daemon": `
const { spawn } = require("node:child_process");
const daemon = ${JSON.stringify(`require("node:child_process").spawn(process.execPath, ["-e", ${JSON.stringify(escapee(pidFile, true))}], ${spawnOptions(evasive, "ignore")}).unref();`)};
spawn(process.execPath, ["-e", daemon], ${spawnOptions(evasive, "ignore")}).unref();
${WAIT_FOR_PORT_THEN_EXIT}`,
  "a detached child holding the inherited output pipes": `
const { spawn } = require("node:child_process");
spawn(process.execPath, ["-e", ${JSON.stringify(escapee(pidFile, true))}], ${spawnOptions(evasive, "inherit")}).unref();
${WAIT_FOR_PORT_THEN_EXIT}`,
});

for (const mode of ["cgroup", "marker"] as const) {
  describe(`runs cannot escape (${mode} containment)`, () => {
    let server: RunnerServer;
    let skipReason: string | undefined;
    const pidFile = join(tmpdir(), `runner-escape-${process.pid}-${mode}.pids`);
    const evasive = mode === "cgroup";

    beforeAll(async () => {
      server = await startRunnerServer({ limits: LIMITS, containment: mode === "cgroup" ? "auto" : "marker" });
      const containment = await server.runner.containment();
      if (containment.kind !== mode) skipReason = `no writable cgroup v2 here: ${containment.detail}`;
      if (process.platform !== "linux") skipReason = "the marker sweep reads /proc, which only Linux has";
      if (skipReason) console.log(`skipped: ${mode} containment: ${skipReason}`);
    });

    afterAll(async () => {
      const tempRoot = server.tempRoot;
      await server.close();
      expect(await processesUnder(tempRoot)).toEqual([]);
      await rm(pidFile, { force: true });
    });

    const pidsOf = async () =>
      (await readFile(pidFile, "utf8").catch(() => "")).split("\n").filter(Boolean).map(Number);

    const runScript = (script: string) =>
      openRun(server.port, server.runner.token, {
        example: "hello",
        files: { "package.json": "{}", "src/main.ts": "", "src/escape.js": script },
        command: { kind: "node", file: "src/escape.js" },
      });

    async function expectNothingLeft(port: number): Promise<void> {
      const pids = await pidsOf();
      expect(pids.length).toBeGreaterThan(0);
      for (const pid of pids) await waitFor(async () => !(await running(pid)), 5_000);
      await waitFor(async () => !(await isListening(port)), 5_000);
      expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
      expect(server.runner.activeRunIds()).toEqual([]);
      // The slot is free: with one run allowed, another run starts and finishes.
      const next = await openRun(server.port, server.runner.token, {
        example: "hello",
        files: { "package.json": "{}", "src/main.ts": "", "src/ok.js": "console.log('next run')" },
        command: { kind: "node", file: "src/ok.js" },
      });
      expect(next.status).toBe(200);
      expect((await collectRun(next.events)).stdout).toContain("next run");
    }

    for (const [label, script] of Object.entries(scenarios(pidFile, evasive))) {
      it(`ends ${label} when the leader exits`, async (context) => {
        if (skipReason) context.skip();
        await rm(pidFile, { force: true });
        const opened = await runScript(script);
        expect(opened.status).toBe(200);
        const result = await collectRun(opened.events);
        // The escapee held the run's port when the leader left (the leader checked before exiting).
        const port = Number(/escapee listening on port (\d+)/.exec(result.stdout)?.[1]);
        expect(port).toBeGreaterThan(0);
        expect(result.exit?.reason).toBe("exited");
        await expectNothingLeft(port);
      });
    }

    it("DELETE completes while an escaped child holds the output pipes, and takes the child too", async (context) => {
      if (skipReason) context.skip();
      await rm(pidFile, { force: true });
      const script = `
const { spawn } = require("node:child_process");
spawn(process.execPath, ["-e", ${JSON.stringify(escapee(pidFile, false))}], ${spawnOptions(evasive, "inherit")}).unref();
require("node:http").createServer((q, s) => s.end("leader")).listen(Number(process.env.PORT), "127.0.0.1");
`;
      const opened = await runScript(script);
      let id = "";
      let port = 0;
      for await (const event of opened.events) {
        if (event.event === "run") id = (JSON.parse(event.data) as { id: string }).id;
        if (event.event === "listening") {
          port = (JSON.parse(event.data) as { port: number }).port;
          break;
        }
      }
      await waitFor(async () => (await pidsOf()).length > 0);
      const stopped = await send(server.port, {
        method: "DELETE",
        path: `/__runner/runs/${id}`,
        headers: { authorization: `Bearer ${server.runner.token}` },
      });
      expect(stopped.json<{ exit: { reason: string } }>().exit.reason).toBe("killed");
      await collectRun(opened.events);
      await expectNothingLeft(port);
    });

    it("shutdown (close) completes with an escaped child holding the pipes, and takes it too", async (context) => {
      if (skipReason) context.skip();
      await rm(pidFile, { force: true });
      const own = await startRunnerServer({ limits: LIMITS, containment: mode === "cgroup" ? "auto" : "marker" });
      const opened = await openRun(own.port, own.runner.token, {
        example: "hello",
        files: {
          "package.json": "{}",
          "src/main.ts": "",
          "src/escape.js": `
const { spawn } = require("node:child_process");
spawn(process.execPath, ["-e", ${JSON.stringify(escapee(pidFile, false))}], ${spawnOptions(evasive, "inherit")}).unref();
require("node:http").createServer((q, s) => s.end("leader")).listen(Number(process.env.PORT), "127.0.0.1");
`,
        },
        command: { kind: "node", file: "src/escape.js" },
      });
      for await (const event of opened.events) if (event.event === "listening") break;
      await waitFor(async () => (await pidsOf()).length > 0);
      const tempRoot = own.tempRoot;
      await own.runner.close();
      for (const pid of await pidsOf()) expect(await running(pid)).toBe(false);
      expect(await leftoverRunDirs(tempRoot)).toEqual([]);
      await own.close();
    });

    it("caps the processes of a run (pids.max) against fork bombs", async (context) => {
      const containment = await server.runner.containment();
      const why =
        skipReason ??
        (mode === "marker"
          ? "without cgroups there is no process cap; the marker sweep only cleans up afterwards"
          : containment.detail.includes("pids")
            ? undefined
            : `the pids controller is not delegated to this cgroup (${containment.detail})`);
      if (why) {
        console.log(`skipped: ${mode} containment, pids.max: ${why}`);
        context.skip();
      }
      const opened = await runScript(`
const { spawn } = require("node:child_process");
let started = 0;
const more = () => {
  try {
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    child.once("spawn", () => { started += 1; more(); });
    child.once("error", (error) => { console.log("refused after " + started + ": " + error.code); process.exit(0); });
  } catch (error) { console.log("refused after " + started + ": " + error.code); process.exit(0); }
};
more();
`);
      const result = await collectRun(opened.events);
      expect(result.stdout).toMatch(/refused after \d+: EAGAIN/);
      expect(await leftoverRunDirs(server.tempRoot)).toEqual([]);
    });
  });
}
