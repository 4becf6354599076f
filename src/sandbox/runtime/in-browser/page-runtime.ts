/**
 * The in-browser runtime (page side): keeps each example's files, type-strips them in the
 * stripper worker, runs every process in its own module Worker, owns the virtual ports, and
 * relays requests to the worker that listens on a port.
 */
import { globToRegExp } from "../container-typescript.ts";
import {
  RuntimeUnavailableError,
  ServiceNotRunningError,
  type ExitInfo,
  type FileMap,
  type OutputChunk,
  type RunCommand,
  type RunningProcess,
  type Runtime,
  type ServerReady,
  type ServiceRequest,
  type ServiceResponse,
  type SpawnOptions,
} from "../port.ts";
import { nodeArgsOfScript } from "../script-argv.ts";
import { MANIFEST_FILE, type RuntimeManifest } from "./manifest.ts";
import type {
  CompiledModule,
  FromWorker,
  ProcessInit,
  StripRequest,
  StripResponse,
  TestCounts,
  ToWorker,
  WireRequest,
  WireResponse,
} from "./protocol.ts";

export interface InBrowserRuntimeOptions {
  /** Where the build put the runtime (dist/_runtime/), as a URL; default `/_runtime/` on the page's origin. */
  readonly baseUrl?: string;
  /** Where the preview Service Worker serves a port: `<previewBase><port>/`; default `/preview/` on the page's origin. */
  readonly previewBase?: string;
  /** Time between SIGTERM and terminating the worker when a process is stopped. */
  readonly killGraceMs?: number;
  /** Wall-clock limit of a test run or a program that never listens. */
  readonly runTimeoutMs?: number;
  /** How long `npm start` has to listen before it is stopped. */
  readonly listenTimeoutMs?: number;
  /** Test files run at once (node --test runs one process per file). */
  readonly testConcurrency?: number;
  /** Bytes of output one run may produce before it is stopped (as the local runner does). */
  readonly maxOutputBytes?: number;
}

const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]*$/;
const SOURCE = /\.(?:[cm]?ts|[cm]?js)$/;
const NODE_DEFAULT_TEST_GLOBS = [
  "**/*.test.{cjs,mjs,js,cts,mts,ts}",
  "**/*-test.{cjs,mjs,js,cts,mts,ts}",
  "**/*_test.{cjs,mjs,js,cts,mts,ts}",
  "**/test-*.{cjs,mjs,js,cts,mts,ts}",
  "**/test.{cjs,mjs,js,cts,mts,ts}",
  "**/test/**/*.{cjs,mjs,js,cts,mts,ts}",
];
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const FIRST_START_PORT = 3000;
const FIRST_EPHEMERAL_PORT = 41000;

function assertRelativePath(path: string): void {
  if (
    path === "" ||
    path.startsWith("/") ||
    path.split("/").some((part) => part === ".." || part === "." || part === "")
  )
    throw new Error(`${JSON.stringify(path)} is not a relative path inside the example.`);
}

/** A glob with `{a,b}` alternatives as several globs (container-typescript's matcher has no braces). */
function expandBraces(glob: string): string[] {
  const match = /\{([^{}]*)\}/.exec(glob);
  if (!match) return [glob];
  return match[1]!
    .split(",")
    .flatMap((choice) => expandBraces(glob.slice(0, match.index) + choice + glob.slice(match.index + match[0].length)));
}

function matchGlob(glob: string, paths: readonly string[]): string[] {
  const matchers = expandBraces(glob).map(globToRegExp);
  return paths.filter((path) => !path.startsWith("node_modules/") && matchers.some((matcher) => matcher.test(path)));
}

/** One process: a worker and what the page knows about it. */
interface ProcessRecord {
  readonly worker: Worker;
  readonly ports: Set<number>;
  readonly pending: Map<number, (message: Extract<FromWorker, { type: "response" }>) => void>;
  ended: boolean;
}

export interface InBrowserRuntime extends Runtime {
  /** Serves one request to the service listening on `port` (the preview Service Worker's bridge). */
  fetchFromService(port: number, request: Request): Promise<Response>;
}

/** The page's virtual ports, shared by every runtime instance (one loopback per page, like one machine). */
const ports = new Map<number, ProcessRecord>();
let nextRequest = 1;

/** Sends a request to the worker that owns `port`; undefined when nothing listens there. */
function relay(port: number, request: WireRequest): Promise<WireResponse | undefined> {
  const owner = ports.get(port);
  if (!owner || owner.ended) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const id = nextRequest++;
    owner.pending.set(id, (answer) => {
      if (answer.response) resolve(answer.response);
      else if (answer.refused) resolve(undefined);
      else reject(new Error(answer.error ?? "The service failed to answer."));
    });
    owner.worker.postMessage(
      { type: "request", id, port, request } satisfies ToWorker,
      request.body ? [request.body] : [],
    );
  });
}

/**
 * Serves one request (e.g. from the preview Service Worker, through the page) with the service
 * listening on `port` in this page; 502 with a plain-text reason when none listens there.
 */
export async function fetchFromService(port: number, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const wire: WireRequest = {
    method: request.method,
    url: `http://localhost:${port}${url.pathname}${url.search}`,
    headers: [...request.headers],
    body: request.method === "GET" || request.method === "HEAD" ? null : await request.arrayBuffer(),
  };
  const response = await relay(port, wire);
  if (!response)
    return new Response(`No service is listening on port ${port} in this page. Start it with npm start.`, {
      status: 502,
      statusText: "Bad Gateway",
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return new Response(NULL_BODY.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers as [string, string][],
  });
}

export function createInBrowserRuntime(options: InBrowserRuntimeOptions = {}): InBrowserRuntime {
  const baseUrl = new URL(options.baseUrl ?? "/_runtime/", globalThis.location?.href).href;
  const previewBase = new URL(options.previewBase ?? "/preview/", globalThis.location?.href).href;
  const killGraceMs = options.killGraceMs ?? 2_000;
  const runTimeoutMs = options.runTimeoutMs ?? 180_000;
  const listenTimeoutMs = options.listenTimeoutMs ?? 60_000;
  const maxOutputBytes = options.maxOutputBytes ?? 2 * 1024 * 1024;
  const testConcurrency =
    options.testConcurrency ?? Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1));
  const mounted = new Map<string, Map<string, string>>();
  const running = new Set<RunningProcess>();
  let manifest: Promise<RuntimeManifest> | undefined;
  let stripper: Worker | undefined;
  const stripWaiters = new Map<
    number,
    { resolve: (response: StripResponse) => void; reject: (error: Error) => void }
  >();
  const compiled = new Map<string, Promise<CompiledModule>>();
  let nextStrip = 1;
  let nextPid = 1;

  /** The build's manifest; a missing or unreachable runtime is a RuntimeUnavailableError the UI can explain. */
  const loadManifest = () =>
    (manifest ??= fetch(new URL(MANIFEST_FILE, baseUrl), { cache: "no-cache" }).then(
      async (response) => {
        if (!response.ok)
          throw new RuntimeUnavailableError(
            "runtime-unreachable",
            `The in-browser runtime is not part of this site's build (${response.status} for ${MANIFEST_FILE}).`,
          );
        return (await response.json()) as RuntimeManifest;
      },
      (error: unknown) => {
        throw new RuntimeUnavailableError(
          "runtime-unreachable",
          "The in-browser runtime's files could not be loaded.",
          { cause: error },
        );
      },
    )).catch((error: unknown) => {
      manifest = undefined; // the next Run tries again
      throw error;
    });

  const compile = async (path: string, source: string): Promise<CompiledModule> => {
    const key = `${path}\u0000${source}`;
    let result = compiled.get(key);
    if (!result) {
      const { stripperWorker } = await loadManifest();
      if (!stripper) {
        const worker = new Worker(new URL(stripperWorker, baseUrl), { type: "module", name: "type stripper" });
        worker.addEventListener("message", (event: MessageEvent<StripResponse>) => {
          stripWaiters.get(event.data.id)?.resolve(event.data);
          stripWaiters.delete(event.data.id);
        });
        // A stripper that cannot start (its WASM refused, its file missing) fails the Run instead of hanging it.
        worker.addEventListener("error", (event) => {
          event.preventDefault();
          const error = new RuntimeUnavailableError(
            "boot-failed",
            `The type stripper could not start${event.message ? `: ${event.message}` : ""}.`,
          );
          stripWaiters.forEach((waiter) => waiter.reject(error));
          stripWaiters.clear();
          compiled.clear();
          worker.terminate();
          if (stripper === worker) stripper = undefined;
        });
        stripper = worker;
      }
      const worker = stripper;
      result = new Promise<CompiledModule>((resolve, reject) => {
        const id = nextStrip++;
        stripWaiters.set(id, { resolve: (response) => resolve(response.module), reject });
        worker.postMessage({ id, path, source } satisfies StripRequest);
      });
      compiled.set(key, result);
    }
    return result;
  };

  const filesOf = (example: string): Map<string, string> => {
    const files = mounted.get(example);
    if (!files) throw new Error(`The example ${example} is not mounted.`);
    return files;
  };

  const allocatePort = (wanted: number, owner: ProcessRecord): number | "EADDRINUSE" => {
    if (wanted !== 0) {
      if (ports.has(wanted)) return "EADDRINUSE";
      ports.set(wanted, owner);
      return wanted;
    }
    let port = FIRST_EPHEMERAL_PORT;
    while (ports.has(port)) port += 1;
    ports.set(port, owner);
    return port;
  };

  interface Started {
    readonly record: ProcessRecord;
    readonly exit: Promise<number>;
    readonly listening: Promise<number>;
    terminate(): void;
  }

  /** Starts one worker process; `onMessage` sees the messages the page does not handle itself. */
  const startProcess = async (
    init: Omit<ProcessInit, "pid" | "moduleUrls" | "serverDrivers">,
    onOutput: (chunk: OutputChunk) => void,
    onMessage: (message: FromWorker) => void,
  ): Promise<Started> => {
    const loaded = await loadManifest();
    const moduleUrls = Object.fromEntries(
      Object.entries(loaded.modules).map(([specifier, path]) => [specifier, new URL(path, baseUrl).href]),
    );
    const worker = new Worker(new URL(loaded.processWorker, baseUrl), { type: "module", name: `node ${init.entry}` });
    const record: ProcessRecord = { worker, ports: new Set(), pending: new Map(), ended: false };
    let settleExit!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (settleExit = resolve));
    let settleListening!: (port: number) => void;
    const listening = new Promise<number>((resolve) => (settleListening = resolve));
    const terminate = () => {
      if (record.ended) return;
      record.ended = true;
      worker.terminate();
      for (const port of record.ports) if (ports.get(port) === record) ports.delete(port);
      record.ports.clear();
      record.pending.forEach((answer, id) => answer({ type: "response", id, refused: true }));
      record.pending.clear();
    };
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      onOutput({
        stream: "stderr",
        text: `The process could not start: ${event.message || "its worker failed to load"}.\n`,
      });
      terminate();
      settleExit(1);
    });
    worker.addEventListener("message", (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      switch (message.type) {
        case "output":
          onOutput({ stream: message.stream, text: message.text });
          return;
        case "exit":
          terminate();
          settleExit(message.code);
          return;
        case "listen": {
          const granted = allocatePort(message.port, record);
          if (granted === "EADDRINUSE")
            worker.postMessage({ type: "listen-result", id: message.id, error: "EADDRINUSE" } satisfies ToWorker);
          else {
            record.ports.add(granted);
            worker.postMessage({ type: "listen-result", id: message.id, port: granted } satisfies ToWorker);
            settleListening(granted);
          }
          return;
        }
        case "unlisten":
          record.ports.delete(message.port);
          if (ports.get(message.port) === record) ports.delete(message.port);
          return;
        case "response":
          record.pending.get(message.id)?.(message);
          record.pending.delete(message.id);
          return;
        case "remote-fetch":
          relay(message.port, message.request).then(
            (response) =>
              worker.postMessage(
                (response
                  ? { type: "remote-response", id: message.id, response }
                  : { type: "remote-response", id: message.id, refused: true }) satisfies ToWorker,
                response ? [response.body] : [],
              ),
            (error: unknown) =>
              worker.postMessage({ type: "remote-response", id: message.id, error: String(error) } satisfies ToWorker),
          );
          return;
        default:
          onMessage(message);
      }
    });
    worker.postMessage({
      type: "start",
      init: { ...init, pid: nextPid++, moduleUrls, serverDrivers: loaded.serverDrivers },
    } satisfies ToWorker);
    return { record, exit, listening, terminate };
  };

  /** Every .ts/.js file of the example, type-stripped (cached by content). */
  const compileAll = async (files: Map<string, string>): Promise<Record<string, CompiledModule>> => {
    const entries = await Promise.all(
      [...files]
        .filter(([path]) => SOURCE.test(path) && !path.startsWith("node_modules/"))
        .map(async ([path, source]) => [path, await compile(path, source)] as const),
    );
    return Object.fromEntries(entries);
  };

  const argsFor = (files: Map<string, string>, command: RunCommand): string[] => {
    if (command.kind === "node") {
      assertRelativePath(command.file);
      if (!files.has(command.file)) throw new Error(`${command.file} is not a file of this example.`);
      return [command.file];
    }
    let scripts: Record<string, string> | undefined;
    try {
      scripts = (JSON.parse(files.get("package.json") ?? "{}") as { scripts?: Record<string, string> }).scripts;
    } catch (error) {
      throw new Error(`package.json is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    const script = scripts?.[command.kind];
    if (!script) throw new Error(`package.json has no "${command.kind}" script.`);
    return nodeArgsOfScript(script);
  };

  const spawn = async (example: string, command: RunCommand, spawnOptions: SpawnOptions): Promise<RunningProcess> => {
    const files = filesOf(example);
    const args = argsFor(files, command);
    const flags = args.filter((arg) => arg.startsWith("-"));
    const operands = args.filter((arg) => !arg.startsWith("-"));
    const env: Record<string, string> = { NODE_ENV: "development" };
    const base = { example, root: `/sandbox/${example}`, files: Object.fromEntries(files), env, execArgv: flags };
    const modules = await compileAll(files);
    let settleExit!: (exit: ExitInfo) => void;
    const exit = new Promise<ExitInfo>((resolve) => (settleExit = resolve));
    let ready!: (server: ServerReady) => void;
    let notReady!: (error: Error) => void;
    const serverReady = new Promise<ServerReady>((resolve, reject) => {
      ready = resolve;
      notReady = reject;
    });
    serverReady.catch(() => undefined);
    let stopReason: ExitInfo["reason"] | undefined;
    let ended: ExitInfo | undefined;
    let outputBytes = 0;
    const output = (chunk: OutputChunk) => {
      if (ended || stopReason === "output-limit") return;
      outputBytes += chunk.text.length;
      if (outputBytes > maxOutputBytes) {
        stopReason = "output-limit";
        void kill();
        return;
      }
      spawnOptions.onOutput(chunk);
    };
    const finish = (code: number | null, signal: string | null = null) => {
      if (ended) return;
      const messages: Partial<Record<ExitInfo["reason"], string>> = {
        killed: "Stopped.",
        timeout: `Stopped after ${runTimeoutMs / 1000} s, the time limit for a run.`,
        "never-listened": `The service did not listen on a port within ${listenTimeoutMs / 1000} s.`,
        "output-limit": `Stopped after ${maxOutputBytes} bytes of output, the output limit.`,
      };
      ended = stopReason
        ? { code, signal, reason: stopReason, message: messages[stopReason] ?? stopReason }
        : { code, signal, reason: "exited" };
      notReady(new Error(ended.message ?? `The process ended (code ${code ?? "none"}) before it listened on a port.`));
      settleExit(ended);
    };

    let kill: () => Promise<void>;
    let runTimer: ReturnType<typeof setTimeout> | undefined;

    if (flags.includes("--test")) {
      // node --test: one process per test file, files matched over the example's paths, totals at the end.
      const valueOf = (name: string) => flags.find((flag) => flag.startsWith(`${name}=`))?.slice(name.length + 1);
      const timeoutFlag = valueOf("--test-timeout");
      const testTimeoutMs = timeoutFlag ? Number(timeoutFlag) : Infinity;
      const concurrencyFlag = Number(valueOf("--test-concurrency"));
      const fileConcurrency =
        Number.isInteger(concurrencyFlag) && concurrencyFlag > 0 ? concurrencyFlag : testConcurrency;
      // Say so rather than run a different selection of tests than Node would.
      const ignored = flags.filter(
        (flag) =>
          flag.startsWith("--test-") &&
          !/^--test-(?:timeout|concurrency)=/.test(flag) &&
          flag !== "--test-reporter=spec",
      );
      if (ignored.length > 0)
        output({
          stream: "stderr",
          text: `(in-browser runtime) ignoring ${ignored.join(" ")}: only --test-timeout and --test-concurrency are supported here.\n`,
        });
      const paths = [...files.keys()].sort();
      const testFiles = [
        ...new Set(
          (operands.length > 0 ? operands : NODE_DEFAULT_TEST_GLOBS).flatMap((glob) =>
            files.has(glob) ? [glob] : matchGlob(glob, paths),
          ),
        ),
      ].sort();
      const totals: TestCounts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
      const failures: string[] = [];
      const live = new Set<Started>();
      const started = performance.now();
      let cancelled = false;
      const runFile = async (file: string) => {
        let reported!: () => void;
        const report = new Promise<number>((resolve) => (reported = () => resolve(0)));
        const process = await startProcess(
          { ...base, modules, argv: [file], entry: file, mode: "test", testTimeoutMs },
          output,
          (message) => {
            if (message.type !== "test-report") return;
            for (const key of Object.keys(totals) as (keyof TestCounts)[]) totals[key] += message.counts[key];
            failures.push(...message.failures);
            process.terminate();
            reported();
          },
        );
        live.add(process);
        // A file ends when its report arrives (its worker is then ended) or when it exits by itself.
        const code = await Promise.race([process.exit, report]);
        live.delete(process);
        if (code !== 0 && !cancelled) {
          // Exited before reporting (process.exit() in a test file): Node counts the file as one failed test.
          totals.tests += 1;
          totals.fail += 1;
          failures.push(`test at ${file}:1:1\n✖ ${file}\n  'test failed'`);
        }
      };
      const queue = [...testFiles];
      const workers = Array.from({ length: Math.min(fileConcurrency, queue.length) }, async () => {
        while (queue.length > 0 && !cancelled) await runFile(queue.shift()!);
      });
      void Promise.all(workers).then(() => {
        if (cancelled) return;
        clearTimeout(runTimer);
        const summary = [
          `ℹ tests ${totals.tests}`,
          `ℹ suites ${totals.suites}`,
          `ℹ pass ${totals.pass}`,
          `ℹ fail ${totals.fail}`,
          `ℹ cancelled ${totals.cancelled}`,
          `ℹ skipped ${totals.skipped}`,
          `ℹ todo ${totals.todo}`,
          `ℹ duration_ms ${(performance.now() - started).toFixed(6)}`,
        ].join("\n");
        output({ stream: "stdout", text: `${summary}\n` });
        if (failures.length > 0) output({ stream: "stdout", text: `\n✖ failing tests:\n\n${failures.join("\n\n")}\n` });
        finish(totals.fail > 0 || totals.cancelled > 0 ? 1 : 0);
      });
      kill = async () => {
        if (ended) return;
        stopReason ??= "killed";
        cancelled = true;
        queue.length = 0;
        for (const process of live) process.terminate();
        finish(null, "SIGTERM");
      };
      runTimer = setTimeout(() => {
        stopReason = "timeout";
        void kill();
      }, runTimeoutMs);
    } else {
      const entry = operands[0];
      if (!entry) throw new Error(`Nothing to run: ${args.join(" ")}`);
      let port = FIRST_START_PORT;
      while (ports.has(port)) port += 1;
      env["PORT"] = String(port);
      const process = await startProcess(
        { ...base, modules, argv: operands, entry, mode: "program", testTimeoutMs: Infinity },
        output,
        () => undefined,
      );
      let listenTimer: ReturnType<typeof setTimeout> | undefined;
      void process.listening.then((listeningPort) => {
        clearTimeout(listenTimer);
        clearTimeout(runTimer);
        ready({
          port: listeningPort,
          url: new URL(`${listeningPort}/`, previewBase).href,
          request: async (request: ServiceRequest) => {
            if (ended) throw new ServiceNotRunningError();
            return serviceRequest(listeningPort, request);
          },
        });
      });
      void process.exit.then((code) => finish(code));
      kill = async () => {
        if (ended) return;
        stopReason ??= "killed";
        process.record.worker.postMessage({ type: "signal", signal: "SIGTERM" } satisfies ToWorker);
        const graceful = await Promise.race([
          process.exit,
          new Promise<undefined>((resolve) => setTimeout(resolve, killGraceMs)),
        ]);
        if (graceful === undefined) {
          process.terminate();
          finish(null, "SIGKILL");
        }
        await exit;
      };
      runTimer = setTimeout(() => {
        stopReason = "timeout";
        void kill();
      }, runTimeoutMs);
      if (command.kind === "start")
        listenTimer = setTimeout(() => {
          stopReason = "never-listened";
          void kill();
        }, listenTimeoutMs);
    }
    void exit.then(() => clearTimeout(runTimer));

    const runningProcess: RunningProcess = {
      id: `${example}:${nextPid}`,
      exit,
      serverReady,
      kill: async () => {
        await kill();
        await exit;
      },
    };
    running.add(runningProcess);
    void exit.then(() => running.delete(runningProcess));
    return runningProcess;
  };

  const serviceRequest = async (port: number, request: ServiceRequest): Promise<ServiceResponse> => {
    const body = request.body === undefined ? null : new TextEncoder().encode(request.body).buffer;
    const wire: WireRequest = {
      method: request.method,
      url: `http://localhost:${port}${request.path.startsWith("/") ? "" : "/"}${request.path}`,
      headers: Object.entries(request.headers ?? {}),
      body: request.method === "GET" || request.method === "HEAD" ? null : body,
    };
    const response = await relay(port, wire);
    if (!response) throw new ServiceNotRunningError();
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body: new TextDecoder().decode(response.body),
    };
  };

  return {
    kind: "browser",
    async mount(example: string, files: FileMap) {
      if (!EXAMPLE_NAME.test(example)) throw new Error(`${JSON.stringify(example)} is not an example name.`);
      Object.keys(files).forEach(assertRelativePath);
      mounted.set(example, new Map(Object.entries(files)));
    },
    async writeFile(example: string, path: string, contents: string) {
      assertRelativePath(path);
      filesOf(example).set(path, contents);
    },
    spawn,
    fetchFromService,
    async teardown() {
      await Promise.all([...running].map((process) => process.kill()));
      stripper?.terminate();
      stripper = undefined;
      compiled.clear();
    },
  };
}
