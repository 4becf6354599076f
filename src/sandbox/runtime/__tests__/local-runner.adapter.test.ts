/** Adapter behaviour the real-server suites cannot provoke on purpose: a runner restarted under an open page. */
import { expect, it } from "vitest";
import { RuntimeUnavailableError } from "../port.ts";
import { createLocalRunnerRuntime, fetchRunnerHandshake, RunnerRequestError } from "../local-runner.adapter.ts";

const problem = (status: number, slug: string, detail: string) =>
  new Response(JSON.stringify({ type: `/__runner/problems/${slug}`, status, detail }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });

it("asks for the printed link when the browser holds no secret, and names the command that prints it", async () => {
  const fetch = async () =>
    problem(401, "missing-token", "Open the link `npm start` printed; `npm run link` prints it again.");
  const error = await fetchRunnerHandshake({ fetch }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(RuntimeUnavailableError);
  expect(error).toMatchObject({ reason: "runner-needs-link" });
  expect((error as Error).message).toContain("npm run link");
});

it("reports a runner restarted under an open page (its cookie is stale) as needing the new link, without retrying", async () => {
  let calls = 0;
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    if (String(input).endsWith("/__runner/handshake")) return Response.json({ limits: {}, examples: [] });
    calls += 1;
    return problem(401, "wrong-token", "The runner's secret changed (the guide's server was restarted).");
  };
  const runtime = createLocalRunnerRuntime({ fetch });
  await runtime.mount("cache-aside", { "package.json": "{}" });
  const error = await runtime
    .spawn("cache-aside", { kind: "test" }, { onOutput: () => undefined })
    .catch((caught: unknown) => caught);
  expect(error).toMatchObject({ reason: "runner-needs-link" });
  expect(calls).toBe(1);
});

it("sends a tool's token as a Bearer header and never asks the server for it", async () => {
  const seen: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    seen.push(`${String(input)} ${new Headers(init?.headers).get("authorization") ?? "-"}`);
    if (String(input).endsWith("/__runner/handshake")) return Response.json({ limits: {}, examples: [] });
    const events =
      'event: run\ndata: {"id":"r1"}\n\nevent: stdout\ndata: "ok\\n"\n\nevent: exit\ndata: {"code":0,"signal":null,"reason":"exited"}\n\n';
    return new Response(events, { headers: { "content-type": "text/event-stream" } });
  };
  const runtime = createLocalRunnerRuntime({ fetch, token: "from-the-token-file" });
  await runtime.mount("cache-aside", { "package.json": "{}" });
  const run = await runtime.spawn("cache-aside", { kind: "test" }, { onOutput: () => undefined });
  expect(await run.exit).toEqual({ code: 0, signal: null, reason: "exited" });
  expect(seen).toEqual(["/__runner/handshake Bearer from-the-token-file", "/__runner/runs Bearer from-the-token-file"]);
});
it("turns a refusal into an error that names the problem", async () => {
  const fetch = async (input: RequestInfo | URL): Promise<Response> =>
    String(input).endsWith("/handshake")
      ? Response.json({ limits: {}, examples: [] })
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
