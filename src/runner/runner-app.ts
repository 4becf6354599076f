/**
 * The runner's HTTP API under /__runner/: handshake, runs streamed as Server-Sent Events,
 * stopping a run, and the same-origin proxy to a run's service.
 */
import { randomUUID } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { z } from "astro/zod";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { streamSSE } from "hono/streaming";
import { listExamples, resolveCommandArgs } from "./example-catalog.ts";
import type { RunnerLimits } from "./limits.ts";
import { problemResponse, RunnerProblem } from "./problem.ts";
import { assertOwnRequest, assertToken, type GuardedRequest } from "./request-guard.ts";
import { startRun, type ActiveRun, type RunEvent } from "./run.ts";
import { containRun, type Containment } from "./containment.ts";
import type { CgroupHome } from "./run-cgroup.ts";
import { forwardToService } from "./service-proxy.ts";
import { sessionCookie } from "./session-cookie.ts";
import { createRunWorkspace, type RunWorkspace } from "./run-workspace.ts";
import { findFreePort } from "./tcp-port.ts";

/** Path prefix of every runner route. */
export const RUNNER_BASE = "/__runner";

const RunRequestSchema = z.object({
  example: z.string().min(1),
  files: z.record(z.string(), z.string()),
  command: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("test") }),
    z.object({ kind: z.literal("start") }),
    z.object({ kind: z.literal("node"), file: z.string() }),
  ]),
});

export interface RunnerAppOptions {
  readonly projectRoot: string;
  readonly examplesDir: string;
  readonly limits: RunnerLimits;
  readonly token: string;
  readonly allowedHosts?: readonly string[];
  readonly tempRoot?: string;
  /** Where runs' cgroups go, once known (undefined: the marker sweep only); also awaits the start-up cleanup. */
  readonly cgroupHome: Promise<CgroupHome | undefined>;
}

/** The runner's state that outlives a request: the runs alive right now. */
export interface RunRegistry {
  readonly runs: Map<string, ActiveRun>;
  /** Runs being prepared (workspace, port) that count against the concurrency cap already. */
  starting: number;
  /** Set by close(): no new run starts while the server shuts down. */
  closed: boolean;
}

type Env = { Bindings: HttpBindings };

function guarded(c: Context<Env>): GuardedRequest {
  const socket = c.env.incoming.socket;
  return { remoteAddress: socket.remoteAddress, localPort: socket.localPort, headers: c.env.incoming.headers };
}

function invalidRequest(detail: string): RunnerProblem {
  return new RunnerProblem(400, "invalid-request", "Invalid run request", detail);
}

async function readRunRequest(c: Context<Env>): Promise<z.infer<typeof RunRequestSchema>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    throw invalidRequest("The body must be JSON: { example, files, command }.");
  }
  const parsed = RunRequestSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidRequest(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "),
    );
  }
  return parsed.data;
}

/** Builds the Hono app; `registry` is shared with the runner so close() can stop every run. */
export function createRunnerApp(options: RunnerAppOptions, registry: RunRegistry): Hono<Env> {
  const { limits, token } = options;
  const app = new Hono<Env>().basePath(RUNNER_BASE);
  const tooLarge = () => {
    throw new RunnerProblem(
      413,
      "body-too-large",
      "Request body too large",
      `The request body is over the ${limits.maxBodyBytes}-byte limit.`,
    );
  };

  app.onError((error, c) => {
    const problem =
      error instanceof RunnerProblem
        ? error
        : new RunnerProblem(
            500,
            "internal",
            "Runner error",
            "The runner failed to handle this request; see the guide server's log.",
          );
    if (!(error instanceof RunnerProblem)) console.error("[runner]", error);
    return problemResponse(problem, c.req.path);
  });
  app.notFound((c) =>
    problemResponse(
      new RunnerProblem(404, "not-found", "Not found", `No runner endpoint at ${c.req.path}.`),
      c.req.path,
    ),
  );

  app.use("*", async (c, next) => {
    assertOwnRequest(guarded(c), options.allowedHosts);
    // Every endpoint needs the secret; none ever answers with it (the reader got it from the printed link).
    assertToken(guarded(c), token);
    c.header("Cache-Control", "no-store");
    await next();
  });

  // The page trades the link's token (sent as a Bearer header) for an HttpOnly cookie, once per start.
  app.post("/session", (c) => {
    c.header("Set-Cookie", sessionCookie(c.env.incoming.socket.localPort, token));
    return c.body(null, 204);
  });

  app.get("/handshake", async (c) => c.json({ limits, examples: await listExamples(options.examplesDir) }));

  app.post("/runs", bodyLimit({ maxSize: limits.maxBodyBytes, onError: tooLarge }), async (c) => {
    const request = await readRunRequest(c);
    if (registry.closed) {
      throw new RunnerProblem(
        503,
        "runner-closed",
        "Runner shutting down",
        "The guide's server is shutting down; no new runs start.",
      );
    }
    if (registry.runs.size + registry.starting >= limits.maxConcurrentRuns) {
      throw new RunnerProblem(
        429,
        "too-many-runs",
        "Too many runs",
        `${limits.maxConcurrentRuns} runs are already going; stop one first.`,
      );
    }
    registry.starting += 1;
    const id = randomUUID();
    let prepared: { args: string[]; workspace: RunWorkspace; port: number; containment: Containment };
    try {
      const args = await resolveCommandArgs(options.examplesDir, request.example, request.command, request.files);
      const workspace = await createRunWorkspace(request.files, {
        projectRoot: options.projectRoot,
        limits,
        tempRoot: options.tempRoot,
      });
      const port = await findFreePort().catch(async (error: unknown) => {
        await workspace.remove();
        throw error;
      });
      const containment = await containRun(await options.cgroupHome, { runId: id, runDir: workspace.dir }, limits);
      prepared = { args, workspace, port, containment };
    } catch (error) {
      registry.starting -= 1;
      throw error;
    }

    return streamSSE(c, async (stream) => {
      // writeSSE is async before it enqueues, so writes are chained to keep their order and to finish before close.
      let written: Promise<void> = Promise.resolve();
      const send = (event: string, data: unknown) => {
        written = written.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
      };
      send("run", { id });
      const run = startRun({
        id,
        command: request.command,
        ...prepared,
        limits,
        onEvent: (event: RunEvent) => {
          if (event.type === "output") send(event.stream, event.text);
          else if (event.type === "listening")
            send("listening", { port: event.port, url: `${RUNNER_BASE}/proxy/${id}/` });
          else send("exit", event.exit);
        },
      });
      registry.runs.set(id, run);
      registry.starting -= 1;
      // The page stopped reading (tab closed, navigation, AbortController): the run must not outlive it.
      stream.onAbort(() => void run.stop("killed"));
      c.env.outgoing.once("close", () => void run.stop("killed"));
      await run.finished;
      registry.runs.delete(id);
      await written;
    });
  });

  app.delete("/runs/:id", async (c) => {
    const run = registry.runs.get(c.req.param("id"));
    if (!run)
      throw new RunnerProblem(
        404,
        "unknown-run",
        "Unknown run",
        "No run with this id is going; it may have ended already.",
      );
    return c.json({ exit: await run.stop("killed") });
  });

  const forward = async (c: Context<Env>) => {
    // The id and the rest of the path come from the raw path, never from decoded parameters, so an
    // encoded slash or dot in the id cannot shift what the service is asked for.
    const url = new URL(c.req.url);
    const afterPrefix = url.pathname.slice(`${RUNNER_BASE}/proxy/`.length);
    const slash = afterPrefix.indexOf("/");
    const id = slash === -1 ? afterPrefix : afterPrefix.slice(0, slash);
    const rest = slash === -1 ? "/" : afterPrefix.slice(slash);
    const run = registry.runs.get(id);
    if (!run || !run.listening) {
      throw new RunnerProblem(
        502,
        "service-not-running",
        "Service not running",
        "The example service is not running. Start it again to send requests.",
      );
    }
    run.touch();
    try {
      return await forwardToService(c.req.raw, run.port, `${rest}${url.search}`);
    } catch (error) {
      throw new RunnerProblem(
        502,
        "service-not-running",
        "Service not answering",
        `The example service did not answer: ${(error as Error).message}`,
      );
    }
  };
  app.all("/proxy/:id", bodyLimit({ maxSize: limits.maxBodyBytes, onError: tooLarge }), forward);
  app.all("/proxy/:id/*", bodyLimit({ maxSize: limits.maxBodyBytes, onError: tooLarge }), forward);

  return app;
}
