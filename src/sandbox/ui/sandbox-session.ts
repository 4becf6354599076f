/**
 * The state of one opened sandbox, without any DOM: the reader's files, the chosen runtime, the
 * test run and the service. The view renders its events; unit tests drive it with a fake runtime.
 */
import {
  RuntimeUnavailableError,
  ServiceNotRunningError,
  type FileMap,
  type RunCommand,
  type RunningProcess,
  type Runtime,
  type RuntimeKind,
  type ServerReady,
  type ServiceRequest,
  type ServiceResponse,
} from "../runtime/port.ts";
import { describeServiceExit, describeTestExit, explainUnavailable, type Explanation } from "./failure-explanations.ts";
import { runtimeLabels, type RuntimeOption } from "./runtime-options.ts";
import type { SavedEdits } from "./saved-edits.ts";
import { readTestSummary } from "./test-summary.ts";

export type Tone = "info" | "success" | "error";

/** What the view needs to know; each event carries enough to render without asking back. */
export type SessionEvent =
  | { readonly type: "output"; readonly text: string; readonly stream: "stdout" | "stderr" | "system" }
  | { readonly type: "status"; readonly message: string; readonly tone: Tone }
  | { readonly type: "problem"; readonly explanation: Explanation | undefined }
  | { readonly type: "storage"; readonly message: string | undefined }
  | { readonly type: "files"; readonly modified: ReadonlySet<string>; readonly reset: boolean }
  | { readonly type: "activity"; readonly activity: Activity };

export type ServiceState = "stopped" | "starting" | "listening";

/** Which runs are under way, for enabling buttons. */
export interface Activity {
  readonly runtime: RuntimeKind | undefined;
  readonly testing: boolean;
  readonly service: ServiceState;
  readonly busy: boolean;
  /** Where an iframe or a new tab shows the listening service, when the runtime serves it on the site's origin. */
  readonly preview: string | undefined;
}

/** The outcome of sending a request from the request panel. */
export type SendResult =
  | { readonly kind: "response"; readonly response: ServiceResponse }
  | { readonly kind: "not-running"; readonly message: string }
  | { readonly kind: "invalid"; readonly message: string }
  | { readonly kind: "error"; readonly message: string };

export interface SessionOptions {
  readonly example: string;
  readonly originals: FileMap;
  readonly savedEdits: SavedEdits;
  readonly runtimes: readonly RuntimeOption[];
  /** How long a started service may take to listen before the reader is told (the runtime may wait longer). */
  readonly listenTimeoutMs?: number;
  /** Delay before edits are written to storage; `flush()` writes at once. */
  readonly saveDelayMs?: number;
}

const REQUEST_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

/** One sandbox's state machine. */
export interface SandboxSession {
  readonly runtimes: readonly RuntimeOption[];
  files(): Readonly<Record<string, string>>;
  isModified(path: string): boolean;
  activity(): Activity;
  subscribe(listener: (event: SessionEvent) => void): () => void;
  edit(path: string, contents: string): void;
  flush(): void;
  selectRuntime(kind: RuntimeKind): Promise<void>;
  /** What the sandbox must say as soon as it opens (the local runner is waiting for the printed link), if anything. */
  initialProblem(): Explanation | undefined;
  runTests(): Promise<void>;
  startService(): Promise<void>;
  stop(): Promise<void>;
  send(request: ServiceRequest): Promise<SendResult>;
  reset(): Promise<void>;
}

function needsLink(option: RuntimeOption): boolean {
  return !option.availability.available && option.availability.reason === "runner-needs-link";
}

/** Creates the session; restores saved edits at once and picks the first available runtime. */
export function createSandboxSession(options: SessionOptions): SandboxSession {
  const { example, originals, savedEdits, runtimes } = options;
  const listenTimeoutMs = options.listenTimeoutMs ?? 30_000;
  const saveDelayMs = options.saveDelayMs ?? 250;
  const listeners = new Set<(event: SessionEvent) => void>();
  const files: Record<string, string> = { ...originals, ...savedEdits.load(originals) };
  const connected = new Map<RuntimeKind, Runtime>();
  // A local runner that only lacks the printed link comes first all the same: the reader is on the guide's own
  // server and one click on that link fixes it, which the sandbox says at once (initialProblem).
  let chosen: RuntimeOption | undefined =
    runtimes.find((option) => option.availability.available || needsLink(option)) ?? runtimes[0];
  /** Files as the chosen runtime last received them; undefined until mounted there. */
  let synced: { runtime: Runtime; files: Record<string, string> } | undefined;
  let testRun: RunningProcess | undefined;
  let service: { process: RunningProcess; state: ServiceState; ready?: ServerReady; toldStale?: boolean } | undefined;
  let lastServiceEnd: string | undefined;
  let connecting = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const emit = (event: SessionEvent) => {
    for (const listener of listeners) listener(event);
  };
  const status = (message: string, tone: Tone = "info") => emit({ type: "status", message, tone });
  // The sandbox's own notes in the terminal, in grey so they stand apart from the program's output.
  const system = (text: string) => emit({ type: "output", text: `\u001b[90m${text}\u001b[0m\n`, stream: "system" });
  const activity = (): Activity => ({
    runtime: chosen?.kind,
    testing: testRun !== undefined,
    service: service?.state ?? "stopped",
    busy: connecting,
    // Only the in-browser runtime's preview opens without credentials (the local runner's proxy needs its secret).
    preview: chosen?.kind === "browser" && service?.state === "listening" ? service.ready?.url : undefined,
  });
  const announceActivity = () => emit({ type: "activity", activity: activity() });
  const modifiedSet = () => new Set(Object.keys(files).filter((path) => files[path] !== originals[path]));

  function flush(): void {
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    const problem = savedEdits.save(originals, files);
    emit({ type: "storage", message: problem?.message ?? savedEdits.problem?.message });
  }

  /** Connects the chosen runtime (booting it on first use) and brings its copy of the files up to date. */
  async function prepare(): Promise<Runtime | undefined> {
    if (!chosen) {
      status("No runtime is configured for this sandbox.", "error");
      return undefined;
    }
    const option = chosen;
    if (!option.availability.available) {
      reportUnavailable(option, option.availability.reason, option.availability.message);
      return undefined;
    }
    let runtime = connected.get(option.kind);
    try {
      if (!runtime) {
        connecting = true;
        announceActivity();
        status(`Starting ${runtimeLabels[option.kind]}…`);
        runtime = await option.connect();
        connected.set(option.kind, runtime);
      }
      if (synced?.runtime !== runtime) {
        await runtime.mount(example, { ...files });
        synced = { runtime, files: { ...files } };
      } else {
        for (const [path, contents] of Object.entries(files)) {
          if (synced.files[path] === contents) continue;
          await runtime.writeFile(example, path, contents);
          synced.files[path] = contents;
        }
      }
      emit({ type: "problem", explanation: undefined });
      return runtime;
    } catch (error) {
      if (error instanceof RuntimeUnavailableError) {
        option.availability = { available: false, reason: error.reason, message: error.message };
        connected.delete(option.kind);
        reportUnavailable(option, error.reason, error.message);
      } else {
        status(`${runtimeLabels[option.kind]} could not take the files: ${messageOf(error)}`, "error");
      }
      return undefined;
    } finally {
      connecting = false;
      announceActivity();
    }
  }

  function reportUnavailable(option: RuntimeOption, reason: RuntimeUnavailableError["reason"], message: string) {
    const explanation = explainUnavailable(option, reason, message, runtimes);
    emit({ type: "problem", explanation });
    status(explanation.title, "error");
    // The picker marks the runtime unavailable.
    announceActivity();
  }

  async function spawn(runtime: Runtime, command: RunCommand, title: string): Promise<RunningProcess | undefined> {
    system(`$ ${title}`);
    try {
      return await runtime.spawn(example, command, {
        onOutput: (chunk) => emit({ type: "output", text: chunk.text, stream: chunk.stream }),
      });
    } catch (error) {
      if (error instanceof RuntimeUnavailableError && chosen) {
        chosen.availability = { available: false, reason: error.reason, message: error.message };
        reportUnavailable(chosen, error.reason, error.message);
      } else {
        status(`Could not run ${title}: ${messageOf(error)}`, "error");
        system(`Could not run ${title}: ${messageOf(error)}`);
      }
      return undefined;
    }
  }

  async function runTests(): Promise<void> {
    if (testRun || connecting) return;
    flush();
    const runtime = await prepare();
    if (!runtime) return;
    status("Running the tests…");
    const run = await spawn(runtime, { kind: "test" }, "npm test");
    if (!run) return;
    testRun = run;
    announceActivity();
    let output = "";
    const unsubscribe = subscribe((event) => {
      if (event.type === "output" && event.stream !== "system") output += event.text;
    });
    const exit = await run.exit;
    unsubscribe();
    testRun = undefined;
    const summary = readTestSummary(output);
    const message = describeTestExit(exit, summary);
    system(message);
    const passed =
      exit.reason === "exited" && exit.code === 0 && summary !== undefined && summary.tests > 0 && summary.failed === 0;
    status(message, passed ? "success" : "error");
    announceActivity();
  }

  async function startService(): Promise<void> {
    if (service || connecting) return;
    flush();
    const runtime = await prepare();
    if (!runtime) return;
    status("Starting the service…");
    const run = await spawn(runtime, { kind: "start" }, "npm start");
    if (!run) return;
    const current: { process: RunningProcess; state: ServiceState; ready?: ServerReady } = {
      process: run,
      state: "starting",
    };
    service = current;
    lastServiceEnd = undefined;
    announceActivity();

    let ended = false;
    void run.exit.then((exit) => {
      ended = true;
      const message = describeServiceExit(exit, current.ready !== undefined);
      if (service === current) service = undefined;
      lastServiceEnd = message;
      system(message);
      status(message, exit.reason === "killed" || (exit.reason === "exited" && exit.code === 0) ? "info" : "error");
      announceActivity();
    });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const slow = new Promise<"slow">((resolve) => {
      timer = setTimeout(() => resolve("slow"), listenTimeoutMs);
    });
    const ready = run.serverReady.then(
      (value) => value,
      () => undefined,
    );
    const first = await Promise.race([ready, slow]);
    if (first === "slow" && !ended) {
      const seconds = Math.round(listenTimeoutMs / 1000);
      const message = `The service has not started listening after ${seconds} s. It may be stuck before it calls listen(); its output is in the terminal. Stop ends it.`;
      system(message);
      status(message, "error");
    }
    const value = first === "slow" ? await ready : first;
    clearTimeout(timer);
    if (value && service === current) {
      current.ready = value;
      current.state = "listening";
      status(`The service is listening (port ${value.port}). Send requests from the request panel.`, "success");
      announceActivity();
    }
  }

  async function stop(): Promise<void> {
    const running = [testRun, service?.process].filter((run): run is RunningProcess => run !== undefined);
    if (running.length === 0) {
      status("Nothing is running.");
      return;
    }
    status("Stopping…");
    await Promise.all(running.map((run) => run.kill().catch(() => undefined)));
    await Promise.all(running.map((run) => run.exit));
  }

  async function send(request: ServiceRequest): Promise<SendResult> {
    const method = request.method.toUpperCase();
    if (!(REQUEST_METHODS as readonly string[]).includes(method)) {
      return { kind: "invalid", message: `Method must be one of ${REQUEST_METHODS.join(", ")}.` };
    }
    if (!request.path.startsWith("/")) {
      return { kind: "invalid", message: 'Path must start with "/", e.g. /health/live.' };
    }
    if ((method === "GET" || method === "HEAD") && request.body) {
      return {
        kind: "invalid",
        message: `A ${method} request cannot carry a body. Clear the Body field or pick another method.`,
      };
    }
    const current = service;
    if (!current?.ready) {
      const message = current
        ? "The service is starting but not listening yet; the request was not sent. Wait for it to listen, then send again."
        : lastServiceEnd
          ? `The request was not sent: the service is stopped. ${lastServiceEnd} Start service runs it again.`
          : "The service is not running, so the request was not sent. Start service first.";
      return { kind: "not-running", message };
    }
    try {
      return { kind: "response", response: await current.ready.request({ ...request, method }) };
    } catch (error) {
      if (error instanceof ServiceNotRunningError) {
        return {
          kind: "not-running",
          message: `The service is stopped, so the request was not sent. ${error.message}`,
        };
      }
      return { kind: "error", message: `The request failed: ${messageOf(error)}` };
    }
  }

  async function reset(): Promise<void> {
    for (const path of Object.keys(files)) delete files[path];
    Object.assign(files, originals);
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    const problem = savedEdits.clear();
    emit({ type: "files", modified: new Set(), reset: true });
    emit({ type: "storage", message: problem?.message });
    status("The original files are back and your saved edits are cleared.", "success");
  }

  async function selectRuntime(kind: RuntimeKind): Promise<void> {
    const option = runtimes.find((candidate) => candidate.kind === kind);
    if (!option || option === chosen) return;
    if (testRun || service) await stop();
    chosen = option;
    synced = undefined;
    lastServiceEnd = undefined;
    announceActivity();
    if (option.availability.available) {
      emit({ type: "problem", explanation: undefined });
      status(`${runtimeLabels[kind]} will run this example.`);
    } else {
      reportUnavailable(option, option.availability.reason, option.availability.message);
    }
  }

  function subscribe(listener: (event: SessionEvent) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return {
    runtimes,
    files: () => files,
    isModified: (path) => files[path] !== originals[path],
    activity,
    subscribe,
    edit(path, contents) {
      if (!(path in files) || files[path] === contents) return;
      files[path] = contents;
      emit({ type: "files", modified: modifiedSet(), reset: false });
      // A running service keeps the code it started with; say so once per run rather than restart behind the reader's back.
      if (service && !service.toldStale) {
        service.toldStale = true;
        status("The running service still has the code it started with: Stop, then Start service to use your edits.");
      }
      if (saveTimer !== undefined) clearTimeout(saveTimer);
      saveTimer = setTimeout(flush, saveDelayMs);
    },
    flush,
    selectRuntime,
    initialProblem: () =>
      chosen && needsLink(chosen) && !chosen.availability.available
        ? explainUnavailable(chosen, chosen.availability.reason, chosen.availability.message, runtimes)
        : undefined,
    runTests,
    startService,
    stop,
    send,
    reset,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
