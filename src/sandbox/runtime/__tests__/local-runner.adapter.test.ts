/** Adapter behaviour the real-server suites cannot provoke on purpose: a runner restarted under an open page. */
import { expect, it } from "vitest";
import { createLocalRunnerRuntime, RunnerRequestError } from "../local-runner.adapter.ts";

it("shakes hands again once when the runner restarted (new token), then runs", async () => {
  let token = "before-restart";
  const seen: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (url.endsWith("/__runner/handshake")) return Response.json({ token, limits: {}, examples: [] });
    const presented = new Headers(init?.headers).get("authorization") ?? "";
    seen.push(presented);
    if (presented !== "Bearer after-restart") {
      return new Response(JSON.stringify({ type: "/__runner/problems/wrong-token", status: 401, detail: "stale" }), {
        status: 401,
        headers: { "content-type": "application/problem+json" },
      });
    }
    const events =
      'event: run\ndata: {"id":"r1"}\n\nevent: stdout\ndata: "ok\\n"\n\nevent: exit\ndata: {"code":0,"signal":null,"reason":"exited"}\n\n';
    return new Response(events, { headers: { "content-type": "text/event-stream" } });
  };
  const runtime = createLocalRunnerRuntime({ fetch });
  await runtime.mount("cache-aside", { "package.json": "{}" });
  token = "after-restart";
  const output: string[] = [];
  const run = await runtime.spawn("cache-aside", { kind: "test" }, { onOutput: ({ text }) => void output.push(text) });
  expect(await run.exit).toEqual({ code: 0, signal: null, reason: "exited" });
  expect(output).toEqual(["ok\n"]);
  expect(seen).toEqual(["Bearer before-restart", "Bearer after-restart"]);
});

it("turns a refusal into an error that names the problem", async () => {
  const fetch = async (input: RequestInfo | URL): Promise<Response> =>
    String(input).endsWith("/handshake")
      ? Response.json({ token: "t", limits: {}, examples: [] })
      : new Response(
          JSON.stringify({ type: "/__runner/problems/too-many-runs", status: 429, detail: "4 runs are already going" }),
          {
            status: 429,
            headers: { "content-type": "application/problem+json" },
          },
        );
  const runtime = createLocalRunnerRuntime({ fetch });
  await runtime.mount("cache-aside", {});
  const error = await runtime
    .spawn("cache-aside", { kind: "start" }, { onOutput: () => undefined })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(RunnerRequestError);
  expect(error).toMatchObject({ status: 429, problem: "too-many-runs", message: "4 runs are already going" });
});
