/** The page's half of the preview: registering the worker once, narrowly, and answering only for its own ports. */
import { describe, expect, it } from "vitest";
import { FakeRuntime } from "../ui/fake-runtime.ts";
import {
  answerPreviewRequest,
  createPreviewRelay,
  previewLocations,
  previewUrl,
  type PreviewReply,
  type PreviewRequestMessage,
} from "./preview-relay.ts";
import { withPreview } from "./with-preview.ts";

const request: PreviewRequestMessage = {
  type: "fg-preview-request",
  port: 3000,
  method: "GET",
  path: "/health/live",
  headers: [["accept", "text/html"]],
  body: null,
};

/** A ServiceWorkerContainer that records the registration and activates the worker at once. */
function fakeContainer(options: { fail?: Error } = {}) {
  const registrations: Array<{ script: string; scope: string | undefined }> = [];
  const listeners: Array<(event: MessageEvent) => void> = [];
  let started = false;
  const container = {
    addEventListener: (_type: string, listener: (event: MessageEvent) => void) => listeners.push(listener),
    startMessages: () => {
      started = true;
    },
    register: async (script: string, registrationOptions?: RegistrationOptions) => {
      if (options.fail) throw options.fail;
      registrations.push({ script, scope: registrationOptions?.scope });
      return { active: {} } as ServiceWorkerRegistration;
    },
  } as unknown as ServiceWorkerContainer;
  const deliver = (data: unknown) => {
    const replies: PreviewReply[] = [];
    const channel = { postMessage: (answer: PreviewReply) => replies.push(answer) };
    for (const listener of listeners) listener({ data, ports: [channel] } as unknown as MessageEvent);
    return replies;
  };
  return { container, registrations, deliver, started: () => started };
}

describe("where the preview lives", () => {
  it("the worker's script at the site's root, its scope only /preview/", () => {
    expect(previewLocations("/")).toEqual({ scriptUrl: "/preview-sw.js", scope: "/preview/" });
    expect(previewLocations("/guide")).toEqual({ scriptUrl: "/guide/preview-sw.js", scope: "/guide/preview/" });
    expect(previewUrl("/", 3000)).toBe("/preview/3000/");
  });
});

describe("answering one preview request", () => {
  it("says not-here at once for a port this page does not serve, and never calls the service", async () => {
    const replies: PreviewReply[] = [];
    let called = false;
    await answerPreviewRequest(
      request,
      () => false,
      async () => {
        called = true;
        return new Response();
      },
      (answer) => replies.push(answer),
    );
    expect(replies).toEqual([{ type: "fg-preview-not-here" }]);
    expect(called).toBe(false);
  });

  it("accepts, then relays method, path, headers and body to the service on that port", async () => {
    const replies: PreviewReply[] = [];
    let seen: { port: number; url: string; method: string; accept: string | null; body: string } | undefined;
    await answerPreviewRequest(
      { ...request, method: "POST", path: "/orders?x=1", body: new TextEncoder().encode('{"a":1}').buffer },
      (port) => port === 3000,
      async (port, incoming) => {
        seen = {
          port,
          url: incoming.url,
          method: incoming.method,
          accept: incoming.headers.get("accept"),
          body: await incoming.text(),
        };
        return new Response("created", { status: 201, statusText: "Created", headers: { "X-Id": "7" } });
      },
      (answer) => replies.push(answer),
    );
    expect(seen).toEqual({
      port: 3000,
      url: "http://localhost:3000/orders?x=1",
      method: "POST",
      accept: "text/html",
      body: '{"a":1}',
    });
    expect(replies[0]).toEqual({ type: "fg-preview-accepted" });
    expect(replies[1]).toMatchObject({ type: "fg-preview-response", status: 201, statusText: "Created" });
    const response = replies[1] as Extract<PreviewReply, { type: "fg-preview-response" }>;
    expect(response.headers).toContainEqual(["x-id", "7"]);
    expect(new TextDecoder().decode(response.body)).toBe("created");
  });

  it("reports the service's failure instead of hanging", async () => {
    const replies: PreviewReply[] = [];
    await answerPreviewRequest(
      request,
      () => true,
      async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:3000");
      },
      (answer) => replies.push(answer),
    );
    expect(replies.at(-1)).toEqual({ type: "fg-preview-failed", message: "connect ECONNREFUSED 127.0.0.1:3000" });
  });
});

describe("the relay and the runtime", () => {
  it("registers the worker only when a service starts, once, scoped to /preview/, and announces the preview URL", async () => {
    const { container, registrations, deliver, started } = fakeContainer();
    const relay = createPreviewRelay({ base: "/", container, fetchFromService: async () => new Response("hi") });
    const inner = new FakeRuntime("browser");
    const runtime = withPreview(inner, relay, "/");

    const tests = await runtime.spawn("orders", { kind: "test" }, { onOutput: () => undefined });
    expect(registrations).toHaveLength(0);
    expect(tests.id).toBe("p1");

    const service = await runtime.spawn("orders", { kind: "start" }, { onOutput: () => undefined });
    inner.processes[1]?.listen(3000, () => ({ status: 200, statusText: "OK", headers: [], body: "" }));
    const ready = await service.serverReady;
    expect(ready.url).toBe("/preview/3000/");
    expect(registrations).toEqual([{ script: "/preview-sw.js", scope: "/preview/" }]);
    expect(started()).toBe(true);
    expect(deliver(request)).toEqual([{ type: "fg-preview-accepted" }]);

    await service.kill();
    await service.exit;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(deliver(request)).toEqual([{ type: "fg-preview-not-here" }]);

    const again = await runtime.spawn("orders", { kind: "start" }, { onOutput: () => undefined });
    inner.processes[2]?.listen(3000, () => ({ status: 200, statusText: "OK", headers: [], body: "" }));
    await again.serverReady;
    expect(registrations).toHaveLength(1);
  });

  it("when Service Workers are unavailable, says so in the output and the service still runs", async () => {
    const relay = createPreviewRelay({ base: "/", container: undefined, fetchFromService: async () => new Response() });
    const inner = new FakeRuntime("browser");
    const output: string[] = [];
    const service = await withPreview(inner, relay, "/").spawn(
      "orders",
      { kind: "start" },
      { onOutput: (chunk) => output.push(chunk.text) },
    );
    inner.processes[0]?.listen(3000, () => ({ status: 200, statusText: "OK", headers: [], body: "" }));
    const ready = await service.serverReady;
    expect(ready.url).toBe("/__runner/proxy/3000/");
    expect(output.join("")).toMatch(
      /^Preview unavailable: .*Service Workers.*The request panel still reaches the service\./,
    );
  });

  it("a failed registration is retried by the next start", async () => {
    const failing = fakeContainer({ fail: new Error("SecurityError: blocked") });
    const relay = createPreviewRelay({
      base: "/",
      container: failing.container,
      fetchFromService: async () => new Response(),
    });
    await expect(relay.start()).rejects.toThrow("blocked");
    await expect(relay.start()).rejects.toThrow("blocked");
  });
});
