/**
 * Which runtime a sandbox starts with, and what the picker offers: the local runner whenever the
 * guide's server is there, the in-browser runtime on a static host, WebContainer still selectable.
 */
import { describe, expect, it } from "vitest";
import { detectRuntimes, type DetectOptions } from "../runtime/detect.ts";
import { FakeProcess, FakeRuntime, MemoryStorage } from "./fake-runtime.ts";
import { detectRuntimeOptions, type InBrowserModule } from "./runtime-choices.ts";
import { runtimeAbilities, runtimeLabels } from "./runtime-options.ts";
import { openSavedEdits } from "./saved-edits.ts";
import { createSandboxSession } from "./sandbox-session.ts";

const ISOLATED = { crossOriginIsolated: true, hasRequiredApis: true, onLine: true };
const runnerAnswers = async () => Response.json({ token: "t", limits: {}, examples: [] });
const staticHost = async () =>
  new Response("<!doctype html>", { status: 404, headers: { "content-type": "text/html" } });

/** The in-browser runtime's module, faked: records that it was loaded. */
function fakeInBrowser() {
  const loaded: FakeRuntime[] = [];
  const options: unknown[] = [];
  const load = async (): Promise<InBrowserModule> => ({
    createInBrowserRuntime: (given) => {
      const runtime = new FakeRuntime("browser");
      loaded.push(runtime);
      options.push(given);
      return runtime;
    },
    fetchFromService: async () => new Response("ok"),
  });
  return { load, loaded, options };
}

async function choose(page: Partial<DetectOptions>) {
  const inBrowser = fakeInBrowser();
  const runtimes = await detectRuntimeOptions({
    loadInBrowser: inBrowser.load,
    detect: (options) => detectRuntimes({ environment: ISOLATED, inBrowserSupported: true, ...options, ...page }),
  });
  const session = createSandboxSession({
    example: "orders",
    originals: { "src/main.ts": "" },
    savedEdits: openSavedEdits("orders", () => new MemoryStorage()),
    runtimes,
  });
  return { runtimes, session, inBrowser };
}

describe("the runtime a sandbox starts with", () => {
  it("is the local runner when the guide's own server answers (npm start, npm run dev)", async () => {
    const { runtimes, session } = await choose({ fetch: runnerAnswers });
    expect(runtimes.map((r) => [r.kind, r.availability.available])).toEqual([
      ["local", true],
      ["browser", true],
      ["webcontainer", true],
    ]);
    expect(session.activity().runtime).toBe("local");
  });

  it("is the in-browser runtime on a static host, with WebContainer still selectable", async () => {
    const { runtimes, session } = await choose({ fetch: staticHost });
    expect(session.activity().runtime).toBe("browser");
    expect(runtimes.find((r) => r.kind === "webcontainer")?.availability.available).toBe(true);
    await session.selectRuntime("webcontainer");
    expect(session.activity().runtime).toBe("webcontainer");
  });

  it("is the in-browser runtime on a static host even offline and without isolation, where WebContainer cannot run", async () => {
    const { runtimes, session } = await choose({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
      environment: { crossOriginIsolated: false, hasRequiredApis: false, onLine: false },
    });
    expect(session.activity().runtime).toBe("browser");
    expect(runtimes.map((r) => r.availability.available)).toEqual([false, true, false]);
  });

  it("falls back to WebContainer in a browser without Workers or WebAssembly, and says why", async () => {
    const { runtimes, session } = await choose({ fetch: staticHost, inBrowserSupported: false });
    expect(session.activity().runtime).toBe("webcontainer");
    expect(runtimes.find((r) => r.kind === "browser")?.availability).toMatchObject({
      available: false,
      reason: "unsupported-browser",
    });
  });

  it("loads nothing of the in-browser runtime until its first use, then wraps it with the preview", async () => {
    const { runtimes, inBrowser } = await choose({ fetch: staticHost });
    expect(inBrowser.loaded).toHaveLength(0);
    const runtime = await runtimes.find((r) => r.kind === "browser")?.connect();
    expect(runtime?.kind).toBe("browser");
    expect(inBrowser.loaded).toHaveLength(1);
    // Its files and its previews under the site's base path.
    expect(inBrowser.options).toEqual([{ baseUrl: "/_runtime/", previewBase: "/preview/" }]);
    // Tests are passed straight through; only `npm start` involves the preview.
    const run = await runtime?.spawn("orders", { kind: "test" }, { onOutput: () => undefined });
    expect(run).toBeInstanceOf(FakeProcess);
  });

  it("without the in-browser runtime's module, offers what it offered before: local, then WebContainer", async () => {
    const runtimes = await detectRuntimeOptions({
      detect: (options) => detectRuntimes({ environment: ISOLATED, ...options, fetch: staticHost }),
    });
    expect(runtimes.map((r) => r.kind)).toEqual(["local", "webcontainer"]);
  });
});

describe("the picker's words", () => {
  it("names every runtime, WebContainer as full Node from StackBlitz", () => {
    expect(runtimeLabels.webcontainer).toBe("Full Node in the browser (StackBlitz)");
    expect(new Set(Object.values(runtimeLabels)).size).toBe(3);
  });

  it("says in one line each what each runtime can and cannot do", () => {
    for (const [kind, line] of Object.entries(runtimeAbilities)) {
      expect(line, kind).not.toContain("\n");
      expect(line.length, kind).toBeLessThanOrEqual(140);
      // Each line names a limit as well as what works.
      expect(line, kind).toMatch(/only|no |needs/);
    }
  });
});
