/**
 * The Runtime port over the guide server's local runner: files stay in the page (one map per
 * example) and travel with every run; output streams back as Server-Sent Events read with fetch.
 */
import {
  RuntimeUnavailableError,
  ServiceNotRunningError,
  type ExitInfo,
  type FileMap,
  type OutputStream,
  type RunCommand,
  type RunningProcess,
  type Runtime,
  type ServerReady,
  type ServiceRequest,
  type ServiceResponse,
  type SpawnOptions,
} from "./port.ts";
import { runnerLinkClaimed } from "./runner-link.ts";
import { readServerSentEvents } from "./sse-reader.ts";

/** What GET /__runner/handshake answers (never the token: the page holds it only as an HttpOnly cookie). */
export interface RunnerHandshake {
  readonly limits: Readonly<Record<string, number>>;
  readonly examples: ReadonlyArray<{ readonly name: string; readonly title: string }>;
}

export interface LocalRunnerAdapterOptions {
  /** Origin of the guide's server; empty (the default) means the page's own origin. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /**
   * The runner's token for tools outside a browser (tests, benchmarks), read from the 0600 token
   * file and sent as a Bearer header. Pages leave it out: their cookie carries the secret.
   */
  readonly token?: string;
}

/** A refusal or failure the runner answered with problem+json. */
export class RunnerRequestError extends Error {
  readonly status: number;
  /** Last segment of the problem type, e.g. `unsafe-path`, `too-many-runs`. */
  readonly problem: string;

  constructor(status: number, problem: string, message: string) {
    super(message);
    this.name = "RunnerRequestError";
    this.status = status;
    this.problem = problem;
  }
}

async function toRunnerError(response: Response): Promise<RunnerRequestError> {
  const text = await response.text().catch(() => "");
  try {
    const problem = JSON.parse(text) as { type?: string; title?: string; detail?: string };
    const slug = problem.type?.split("/").pop() ?? "unknown";
    return new RunnerRequestError(
      response.status,
      slug,
      problem.detail ?? problem.title ?? `The runner answered ${response.status}.`,
    );
  } catch {
    return new RunnerRequestError(
      response.status,
      "unknown",
      `The runner answered ${response.status}: ${text.slice(0, 200)}`,
    );
  }
}

/** Problems that mean "the runner is here, but this browser does not hold this start's secret". */
const NEEDS_LINK = new Set(["missing-token", "wrong-token"]);

/**
 * Fetches the runner's handshake; a page served without the runner gets
 * RuntimeUnavailableError('no-local-runner'), a page whose browser lacks the secret (the bare URL
 * was opened, or the server restarted since) gets 'runner-needs-link'.
 */
export async function fetchRunnerHandshake(options: LocalRunnerAdapterOptions = {}): Promise<RunnerHandshake> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  await runnerLinkClaimed();
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ""}/__runner/handshake`, {
      credentials: "same-origin",
      headers: bearer(options.token),
    });
  } catch (error) {
    throw new RuntimeUnavailableError("no-local-runner", "The guide's local runner could not be reached.", {
      cause: error,
    });
  }
  const type = response.headers.get("content-type") ?? "";
  if (response.status === 401 && type.startsWith("application/problem+json")) {
    const problem = await toRunnerError(response);
    if (NEEDS_LINK.has(problem.problem)) {
      throw new RuntimeUnavailableError("runner-needs-link", problem.message, { cause: problem });
    }
  }
  if (!response.ok || !type.startsWith("application/json")) {
    throw new RuntimeUnavailableError(
      "no-local-runner",
      "This page is not served by the guide's own server, so the local runner is not available.",
      {
        cause: response.ok ? undefined : await toRunnerError(response),
      },
    );
  }
  return (await response.json()) as RunnerHandshake;
}

function bearer(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

function parseJson<T>(data: string): T {
  return JSON.parse(data) as T;
}

/** Creates the local-runner Runtime; the handshake happens on first use. */
export function createLocalRunnerRuntime(options: LocalRunnerAdapterOptions = {}): Runtime {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const mounted = new Map<string, Map<string, string>>();
  const running = new Set<RunningProcess>();
  let handshake: Promise<RunnerHandshake> | undefined;

  const shakeHands = async (): Promise<RunnerHandshake> => {
    if (!handshake) {
      handshake = fetchRunnerHandshake(options);
      handshake.catch(() => (handshake = undefined));
    }
    return handshake;
  };

  // Sends a request with the secret: the page's cookie (same-origin), or the tool's Bearer token.
  // A 401 means the server restarted (new secret): the reader must open the new link, so it becomes
  // RuntimeUnavailableError('runner-needs-link') rather than a retry that cannot succeed.
  const authorized = async (path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> => {
    const response = await doFetch(`${baseUrl}${path}`, {
      ...init,
      signal,
      credentials: "same-origin",
      headers: { ...(init.headers as Record<string, string> | undefined), ...bearer(options.token) },
    });
    if (response.status !== 401) return response;
    const problem = await toRunnerError(response);
    handshake = undefined;
    throw NEEDS_LINK.has(problem.problem)
      ? new RuntimeUnavailableError("runner-needs-link", problem.message, { cause: problem })
      : problem;
  };

  const filesOf = (example: string): Map<string, string> => {
    const files = mounted.get(example);
    if (!files) throw new Error(`The example ${example} is not mounted; call mount() first.`);
    return files;
  };

  const spawn = async (example: string, command: RunCommand, spawnOptions: SpawnOptions): Promise<RunningProcess> => {
    const files = Object.fromEntries(filesOf(example));
    const controller = new AbortController();
    const response = await authorized(
      "/__runner/runs",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ example, files, command }),
      },
      controller.signal,
    );
    if (!response.ok || !response.body) throw await toRunnerError(response);
    const events = readServerSentEvents(response.body);
    const first = await events.next();
    if (first.done || first.value.event !== "run")
      throw new Error("The runner ended the stream before the run started.");
    const id = parseJson<{ id: string }>(first.value.data).id;

    let settleExit!: (exit: ExitInfo) => void;
    const exit = new Promise<ExitInfo>((resolve) => (settleExit = resolve));
    let ready!: (server: ServerReady) => void;
    let notReady!: (error: Error) => void;
    const serverReady = new Promise<ServerReady>((resolve, reject) => {
      ready = resolve;
      notReady = reject;
    });
    // A test run never listens; its serverReady rejects at exit, which is expected, not unhandled.
    serverReady.catch(() => undefined);
    let ended: ExitInfo | undefined;

    const request = async (serviceUrl: string, serviceRequest: ServiceRequest): Promise<ServiceResponse> => {
      if (ended) throw new ServiceNotRunningError();
      const answer = await authorized(`${serviceUrl}${serviceRequest.path.replace(/^\/+/, "")}`, {
        method: serviceRequest.method,
        headers: serviceRequest.headers,
        body: serviceRequest.body,
      });
      if (answer.status === 502 && answer.headers.get("content-type")?.startsWith("application/problem+json")) {
        const problem = await toRunnerError(answer);
        if (problem.problem === "service-not-running")
          throw new ServiceNotRunningError(problem.message, { cause: problem });
        throw problem;
      }
      return {
        status: answer.status,
        statusText: answer.statusText,
        headers: [...answer.headers],
        body: await answer.text(),
      };
    };

    const finish = (info: ExitInfo) => {
      if (ended) return;
      ended = info;
      notReady(
        new Error(
          info.message ??
            `The process ended (${info.reason}, code ${info.code ?? "none"}) before it listened on a port.`,
        ),
      );
      settleExit(info);
    };

    void (async () => {
      try {
        for await (const message of events) {
          if (message.event === "stdout" || message.event === "stderr") {
            spawnOptions.onOutput({ stream: message.event as OutputStream, text: parseJson<string>(message.data) });
          } else if (message.event === "listening") {
            const { port, url } = parseJson<{ port: number; url: string }>(message.data);
            ready({ port, url: `${baseUrl}${url}`, request: (serviceRequest) => request(url, serviceRequest) });
          } else if (message.event === "exit") {
            finish(parseJson<ExitInfo>(message.data));
          }
        }
        finish({
          code: null,
          signal: null,
          reason: "error",
          message: "The runner closed the output stream before the process ended.",
        });
      } catch (error) {
        finish({
          code: null,
          signal: null,
          reason: controller.signal.aborted ? "killed" : "error",
          message: `Lost the connection to the runner: ${(error as Error).message}`,
        });
      }
    })();

    const runningProcess: RunningProcess = {
      id,
      exit,
      serverReady,
      async kill() {
        if (!ended) {
          try {
            const answer = await authorized(`/__runner/runs/${encodeURIComponent(id)}`, { method: "DELETE" });
            await answer.body?.cancel();
          } catch {
            // The runner also stops a run whose stream closes, so dropping the connection is the fallback.
            controller.abort();
          }
        }
        await exit;
      },
    };
    running.add(runningProcess);
    void exit.then(() => running.delete(runningProcess));
    return runningProcess;
  };

  return {
    kind: "local",
    async mount(example: string, files: FileMap) {
      // Shaking hands here reports a missing runner on the reader's first action rather than at the first run.
      await shakeHands();
      mounted.set(example, new Map(Object.entries(files)));
    },
    async writeFile(example: string, path: string, contents: string) {
      filesOf(example).set(path, contents);
    },
    spawn,
    async teardown() {
      await Promise.all([...running].map((runningProcess) => runningProcess.kill()));
      mounted.clear();
    },
  };
}
