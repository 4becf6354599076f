import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RuntimeUnavailableError, type Runtime } from "../runtime/port.ts";
import { FakeRuntime, MemoryStorage } from "./fake-runtime.ts";
import type { RuntimeOption } from "./runtime-options.ts";
import { openSavedEdits, savedEditsKey } from "./saved-edits.ts";
import { createSandboxSession, type SessionEvent } from "./sandbox-session.ts";

const originals = { "src/main.ts": "listen();\n", "tests/order.test.ts": "ok();\n" };
const passingOutput = "✔ orders\nℹ tests 3\nℹ pass 3\nℹ fail 0\n";

function option(runtime: Runtime | Error, kind: RuntimeOption["kind"] = "local"): RuntimeOption {
  return {
    kind,
    availability: { available: true },
    connect: async () => {
      if (runtime instanceof Error) throw runtime;
      return runtime;
    },
  };
}

function setup(options: { runtimes?: RuntimeOption[]; storage?: MemoryStorage } = {}) {
  const runtime = new FakeRuntime();
  const storage = options.storage ?? new MemoryStorage();
  const session = createSandboxSession({
    example: "orders",
    originals,
    savedEdits: openSavedEdits("orders", () => storage),
    runtimes: options.runtimes ?? [option(runtime)],
    listenTimeoutMs: 1_000,
  });
  const events: SessionEvent[] = [];
  session.subscribe((event) => events.push(event));
  const statuses = () => events.flatMap((event) => (event.type === "status" ? [event.message] : []));
  const output = () => events.flatMap((event) => (event.type === "output" ? [event.text] : [])).join("");
  return { runtime, storage, session, events, statuses, output };
}

/** Lets the session's awaits run until it waits on the fake process. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("running tests", () => {
  it("mounts the files, streams the runtime's output and announces the passing summary", async () => {
    const { runtime, session, statuses, output } = setup();
    const done = session.runTests();
    await settle();
    expect(runtime.mounts).toEqual([{ example: "orders", files: originals }]);
    expect(session.activity().testing).toBe(true);
    runtime.processes[0]?.print(passingOutput);
    runtime.processes[0]?.end();
    await done;
    expect(output()).toContain("ℹ pass 3");
    expect(statuses().at(-1)).toBe("Tests passed: 3 passed, 0 failed.");
    expect(session.activity().testing).toBe(false);
  });

  it("sends only the edited file on the next run, and reports a failing test", async () => {
    const { runtime, session, statuses } = setup();
    const first = session.runTests();
    await settle();
    runtime.processes[0]?.end();
    await first;

    session.edit("tests/order.test.ts", "fail();\n");
    const second = session.runTests();
    await settle();
    expect(runtime.mounts).toHaveLength(1);
    expect(runtime.writes).toEqual([{ path: "tests/order.test.ts", contents: "fail();\n" }]);
    runtime.processes[1]?.print("✖ orders\nℹ tests 3\nℹ pass 2\nℹ fail 1\n");
    runtime.processes[1]?.end({ code: 1 });
    await second;
    expect(statuses().at(-1)).toBe("Tests failed: 1 failed, 2 passed. The failures are in the terminal.");
  });

  it("does not call a run with cancelled tests passed: node:test counts them apart from fail, but exits 1", async () => {
    const { runtime, session, events } = setup();
    const done = session.runTests();
    await settle();
    runtime.processes[0]?.print(
      "✖ migrations\n  'test timed out after 10000ms'\nℹ tests 5\nℹ pass 3\nℹ fail 0\nℹ cancelled 2\n",
    );
    runtime.processes[0]?.end({ code: 1 });
    await done;
    const last = events.filter((event) => event.type === "status").at(-1);
    expect(last).toMatchObject({ tone: "error" });
    expect(last?.type === "status" && last.message).toMatch(
      /^Tests failed: none is counted as failed, but the run exited with code 1 \(3 of 5 passed\)/,
    );
  });

  it("says a run that ended before any summary failed, pointing at the output (a syntax error)", async () => {
    const { runtime, session, statuses, output } = setup();
    const done = session.runTests();
    await settle();
    runtime.processes[0]?.print("SyntaxError: Unexpected token '}'\n", "stderr");
    runtime.processes[0]?.end({ code: 1 });
    await done;
    expect(output()).toContain("SyntaxError: Unexpected token '}'");
    expect(statuses().at(-1)).toMatch(/failed with exit code 1 before reporting results.*syntax error/);
  });

  it("stops a run that never ends", async () => {
    const { runtime, session, statuses } = setup();
    const done = session.runTests();
    await settle();
    await session.stop();
    await done;
    expect(runtime.processes[0]?.running).toBe(false);
    expect(statuses().at(-1)).toBe("The test run was stopped.");
  });
});

describe("runtime unavailable", () => {
  it("explains why and offers the other runtime when there is one", async () => {
    const webcontainer = new FakeRuntime("webcontainer");
    const failing = option(new RuntimeUnavailableError("no-local-runner", "GET /__runner/ answered 404"));
    const { session, events } = setup({ runtimes: [failing, option(webcontainer, "webcontainer")] });
    await session.runTests();
    const problem = events.find((event) => event.type === "problem" && event.explanation);
    expect(problem).toMatchObject({
      explanation: {
        switchTo: "webcontainer",
        detail: expect.stringMatching(/npm start.*GET \/__runner\/ answered 404/s),
      },
    });
    expect(failing.availability.available).toBe(false);
  });

  it("on the guide's own server opened without the printed link, stays on the local runner and says at once to open the link", () => {
    const waiting: RuntimeOption = {
      kind: "local",
      availability: {
        available: false,
        reason: "runner-needs-link",
        message: "Open the link `npm start` printed; `npm run link` prints it again.",
      },
      connect: async () => new FakeRuntime(),
    };
    const { session } = setup({ runtimes: [waiting, option(new FakeRuntime("webcontainer"), "webcontainer")] });
    expect(session.activity().runtime).toBe("local");
    expect(session.initialProblem()).toMatchObject({
      title: "Open the link npm start printed",
      terminalCommands: ["npm run link"],
      switchTo: "webcontainer",
      detail: expect.stringMatching(/\?token=/),
    });
  });

  it("offers Download and the two commands when no runtime works", async () => {
    const { session, events } = setup({
      runtimes: [
        option(
          new RuntimeUnavailableError("not-cross-origin-isolated", "crossOriginIsolated is false"),
          "webcontainer",
        ),
      ],
    });
    await session.runTests();
    const problem = events.find((event) => event.type === "problem" && event.explanation);
    expect(problem).toMatchObject({
      explanation: {
        terminalCommands: ["npm install", "npm start"],
        detail: expect.stringMatching(/cross-origin isolated.*Download/s),
      },
    });
  });
});

describe("the service", () => {
  it("answers requests while listening and says it is stopped afterwards", async () => {
    const { runtime, session } = setup();
    const started = session.startService();
    await settle();
    runtime.processes[0]?.listen(3000, () => ({
      status: 200,
      statusText: "OK",
      headers: [],
      body: '{"status":"live"}',
    }));
    await started;
    expect(session.activity().service).toBe("listening");

    const live = await session.send({ method: "get", path: "/health/live" });
    expect(live).toMatchObject({ kind: "response", response: { status: 200 } });
    expect(runtime.processes[0]?.requests).toEqual([{ method: "GET", path: "/health/live" }]);

    await session.stop();
    const after = await session.send({ method: "GET", path: "/health/live" });
    expect(after.kind).toBe("not-running");
    expect(after.kind === "not-running" && after.message).toMatch(/not sent: the service is stopped/);
  });

  it("offers the preview URL only while an in-browser runtime's service listens (the local runner's proxy needs its secret)", async () => {
    for (const kind of ["browser", "local"] as const) {
      const runtime = new FakeRuntime(kind);
      const { session } = setup({ runtimes: [option(runtime, kind)] });
      const started = session.startService();
      await settle();
      expect(session.activity().preview).toBeUndefined();
      runtime.processes[0]?.listen(3000, () => ({ status: 200, statusText: "OK", headers: [], body: "" }));
      await started;
      expect(session.activity().preview, kind).toBe(kind === "browser" ? "/__runner/proxy/3000/" : undefined);
      await session.stop();
      expect(session.activity().preview).toBeUndefined();
    }
  });

  it("reports a service that does not listen within the time limit, and Stop still ends it", async () => {
    vi.useFakeTimers();
    try {
      const { runtime, session, statuses } = setup();
      const started = session.startService();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(statuses().at(-1)).toMatch(/has not started listening after 1 s/);
      await session.stop();
      await started;
      expect(runtime.processes[0]?.running).toBe(false);
      expect(session.activity().service).toBe("stopped");
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports a service that exits before listening", async () => {
    const { runtime, session, statuses } = setup();
    const started = session.startService();
    await settle();
    runtime.processes[0]?.print("file:///src/main.ts:3\nSyntaxError: missing )\n", "stderr");
    runtime.processes[0]?.end({ code: 1 });
    await started;
    expect(statuses().at(-1)).toMatch(/exited with code 1 before it listened/);
  });

  it("refuses malformed requests with a reason, without sending them", async () => {
    const { session } = setup();
    expect(await session.send({ method: "GET", path: "health" })).toMatchObject({
      kind: "invalid",
      message: /must start with "\/"/,
    });
    expect(await session.send({ method: "GET", path: "/x", body: "{}" })).toMatchObject({
      kind: "invalid",
      message: /cannot carry a body/,
    });
    expect(await session.send({ method: "BREW", path: "/x" })).toMatchObject({ kind: "invalid" });
    expect(await session.send({ method: "GET", path: "/x" })).toMatchObject({
      kind: "not-running",
      message: /Start service first/,
    });
  });
});

describe("edits", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("persist per example and come back in a new session; Reset restores originals and clears them", async () => {
    const storage = new MemoryStorage();
    const first = setup({ storage });
    first.session.edit("src/main.ts", "listen(4000);\n");
    expect(first.session.isModified("src/main.ts")).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    expect(storage.getItem(savedEditsKey("orders"))).toContain("listen(4000)");

    const second = setup({ storage });
    expect(second.session.files()["src/main.ts"]).toBe("listen(4000);\n");
    await second.session.reset();
    expect(second.session.files()).toEqual(originals);
    expect(storage.getItem(savedEditsKey("orders"))).toBeNull();
  });

  it("keeps edits in memory and says so when storage is full", async () => {
    const storage = new MemoryStorage();
    storage.failWrites = new DOMException("quota", "QuotaExceededError");
    const { session, events } = setup({ storage });
    session.edit("src/main.ts", "changed\n");
    session.flush();
    expect(session.files()["src/main.ts"]).toBe("changed\n");
    expect(events.at(-1)).toMatchObject({
      type: "storage",
      message: expect.stringMatching(/could not be saved.*QuotaExceededError/),
    });
  });
});

describe("a test command that finds no tests", () => {
  it("is not reported as passing", async () => {
    const { runtime, session, events } = setup();
    const done = session.runTests();
    await settle();
    runtime.processes[0]?.print("ℹ tests 0\nℹ pass 0\nℹ fail 0\n");
    runtime.processes[0]?.end();
    await done;
    expect(events.filter((event) => event.type === "status").at(-1)).toMatchObject({
      message: expect.stringMatching(/^No tests ran/),
      tone: "error",
    });
  });
});

describe("a command the runtime refuses", () => {
  it("says why in the status and the terminal, and the next run can go ahead", async () => {
    const { runtime, session, statuses, output } = setup();
    runtime.spawnError = new Error("Too many runs at once (4); stop one first.");
    await session.runTests();
    expect(statuses().at(-1)).toBe("Could not run npm test: Too many runs at once (4); stop one first.");
    expect(output()).toContain("Too many runs at once");
    expect(session.activity().testing).toBe(false);

    runtime.spawnError = undefined;
    const retry = session.runTests();
    await settle();
    expect(runtime.processes).toHaveLength(1);
    runtime.processes[0]?.print(passingOutput);
    runtime.processes[0]?.end();
    await retry;
    expect(statuses().at(-1)).toBe("Tests passed: 3 passed, 0 failed.");
  });
});

describe("editing while the service runs", () => {
  it("says once that the edit applies after a restart", async () => {
    const { runtime, session, statuses } = setup();
    const started = session.startService();
    await settle();
    runtime.processes[0]?.listen(3000, () => ({ status: 200, statusText: "OK", headers: [], body: "" }));
    await started;
    session.edit("src/main.ts", "listen(1);\n");
    session.edit("src/main.ts", "listen(2);\n");
    expect(statuses().filter((message) => message.includes("still has the code it started with"))).toHaveLength(1);
    await session.stop();
  });
});
