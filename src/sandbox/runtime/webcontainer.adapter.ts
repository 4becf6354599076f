/**
 * The Runtime port over WebContainer: one container per page shared by every sandbox (one
 * folder per example), booted on the reader's first action, dependencies mounted from
 * build-time snapshots, and TypeScript run the way the container's Node allows.
 */
import {
  classifyBootFailure,
  currentBrowserEnvironment,
  webContainerBlocker,
  type BrowserEnvironment,
} from "./browser-environment.ts";
import {
  expandTestGlobs,
  HOOKS_SOURCE,
  nodeOptionsFor,
  parseNodeVersion,
  PROBE_MARKER,
  PROBE_SOURCE,
  REGISTER_SOURCE,
  supportsModuleHooks,
  SUPPORT_DIR,
  type TypeScriptMode,
} from "./container-typescript.ts";
import type { DependencySource } from "./dependency-snapshots.ts";
import {
  RuntimeUnavailableError,
  ServiceNotRunningError,
  type ExitInfo,
  type FileMap,
  type RunCommand,
  type RunningProcess,
  type Runtime,
  type ServerReady,
  type ServiceRequest,
  type ServiceResponse,
  type SpawnOptions,
} from "./port.ts";
import { nodeArgsOfScript } from "./script-argv.ts";
import {
  bootWebContainer,
  type ContainerHost,
  type ContainerProcess,
  type FileSystemTree,
} from "./webcontainer-host.ts";

/** Limits the adapter enforces itself; the container has no process groups or quotas of its own to lean on. */
export interface ContainerLimits {
  readonly bootTimeoutMs: number;
  readonly runTimeoutMs: number;
  readonly listenTimeoutMs: number;
  readonly maxOutputBytes: number;
  /** After kill(), how long to wait for the exit code before reporting the process as gone anyway. */
  readonly killTimeoutMs: number;
}

export const DEFAULT_CONTAINER_LIMITS: ContainerLimits = {
  bootTimeoutMs: 30_000,
  runTimeoutMs: 120_000,
  listenTimeoutMs: 30_000,
  maxOutputBytes: 2 * 1024 * 1024,
  killTimeoutMs: 3_000,
};

export interface WebContainerRuntimeOptions {
  readonly boot?: () => Promise<ContainerHost>;
  readonly environment?: () => BrowserEnvironment;
  /** Where dependency snapshots come from; without one (or when it has none) the adapter runs `npm install`. */
  readonly dependencies?: DependencySource;
  readonly limits?: Partial<ContainerLimits>;
  /** First port handed out as PORT; each run gets the next one, so several examples can listen at once. */
  readonly firstPort?: number;
}

/** The WebContainer runtime, plus progress messages for the slow steps (boot, dependencies). */
export interface WebContainerRuntime extends Runtime {
  /** Subscribes to status lines such as "Starting WebContainer…"; returns the unsubscribe function. */
  onStatus(listener: (message: string) => void): () => void;
  /** How TypeScript runs in this container, once booted. */
  typeScriptMode(): TypeScriptMode | undefined;
}

const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]*$/;
const RESPONSE_MARKER = /@@response ([A-Za-z0-9+/=]+) @@/;

// Runs inside the container with plain Node (no TypeScript): one request to the service, the answer as base64 JSON
// so the terminal-style output stream cannot mangle it. Reaching the service from inside avoids CORS on the preview URL.
const REQUEST_SCRIPT = `const { port, method, path, headers, body } = JSON.parse(process.argv[1]);
fetch("http://localhost:" + port + path, { method, headers, body })
  .then(async (r) => ({ status: r.status, statusText: r.statusText, headers: [...r.headers], body: await r.text() }))
  .catch((e) => ({ error: String((e && e.cause && e.cause.code) || (e && e.message) || e) }))
  .then((result) => console.log("@@response " + Buffer.from(JSON.stringify(result)).toString("base64") + " @@"));`;

function toTree(files: FileMap): FileSystemTree {
  const root: FileSystemTree = {};
  for (const [path, contents] of Object.entries(files)) {
    const segments = path.split("/");
    const name = segments.pop() as string;
    let folder = root;
    for (const segment of segments) {
      const existing = folder[segment];
      if (existing && "directory" in existing) folder = existing.directory;
      else {
        const directory: FileSystemTree = {};
        folder[segment] = { directory };
        folder = directory;
      }
    }
    folder[name] = { file: { contents } };
  }
  return root;
}

function assertRelativePath(path: string): void {
  if (
    path === "" ||
    path.startsWith("/") ||
    path.includes("\\") ||
    path.split("/").some((s) => s === "" || s === "." || s === "..")
  ) {
    throw new Error(`The file path ${JSON.stringify(path)} must be relative to the example, without . or .. segments.`);
  }
}

async function readAll(process: ContainerProcess): Promise<{ code: number; output: string }> {
  let output = "";
  const reading = process.output.pipeTo(new WritableStream({ write: (chunk) => void (output += chunk) }));
  const code = await process.exit;
  await reading.catch(() => undefined);
  return { code, output };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The argv after `node` for a command, from the example's own (possibly edited) package.json; never a shell. */
function commandArgs(files: ReadonlyMap<string, string>, command: RunCommand): string[] {
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
}

/** Creates a WebContainer runtime; pages use sharedWebContainerRuntime() so every sandbox shares one container. */
export function createWebContainerRuntime(options: WebContainerRuntimeOptions = {}): WebContainerRuntime {
  const limits = { ...DEFAULT_CONTAINER_LIMITS, ...options.limits };
  const boot = options.boot ?? bootWebContainer;
  const environment = options.environment ?? currentBrowserEnvironment;
  const statusListeners = new Set<(message: string) => void>();
  const status = (message: string) => statusListeners.forEach((listener) => listener(message));
  const mounted = new Map<string, Map<string, string>>();
  const mountedPackages = new Set<string>();
  const examplesWithDependencies = new Set<string>();
  const running = new Set<RunningProcess>();
  const serverReadyByPort = new Map<number, (url: string) => void>();
  let nextPort = options.firstPort ?? 3100;
  let mode: TypeScriptMode | undefined;
  let ready: Promise<ContainerHost> | undefined;

  const probeTypeScript = async (host: ContainerHost): Promise<TypeScriptMode> => {
    const nodeVersion = (await readAll(await host.spawn("node", ["--version"]))).output.trim();
    await host.fs.mkdir(SUPPORT_DIR, { recursive: true });
    await host.fs.writeFile(`${SUPPORT_DIR}/probe.ts`, PROBE_SOURCE);
    const native = await readAll(await host.spawn("node", [`${SUPPORT_DIR}/probe.ts`]));
    if (native.code === 0 && native.output.includes(PROBE_MARKER)) return { kind: "native", nodeVersion };
    const flagged = await readAll(await host.spawn("node", ["--experimental-strip-types", `${SUPPORT_DIR}/probe.ts`]));
    if (flagged.code === 0 && flagged.output.includes(PROBE_MARKER)) return { kind: "flag", nodeVersion };
    const version = parseNodeVersion(nodeVersion);
    if (!version || !supportsModuleHooks(version)) {
      throw new RuntimeUnavailableError(
        "boot-failed",
        `WebContainer's Node (${nodeVersion || "unknown version"}) can neither strip TypeScript types nor load module hooks.`,
      );
    }
    await host.fs.writeFile(`${SUPPORT_DIR}/register-strip-types.mjs`, REGISTER_SOURCE);
    await host.fs.writeFile(`${SUPPORT_DIR}/strip-types-hooks.mjs`, HOOKS_SOURCE);
    return { kind: "hook", nodeVersion, registerUrl: `file://${host.workdir}/${SUPPORT_DIR}/register-strip-types.mjs` };
  };

  const ensureReady = (): Promise<ContainerHost> => {
    ready ??= (async () => {
      const blocker = webContainerBlocker(environment());
      if (blocker) throw blocker;
      status("Starting WebContainer…");
      let host: ContainerHost;
      try {
        host = await withTimeout(
          boot(),
          limits.bootTimeoutMs,
          `WebContainer did not start within ${limits.bootTimeoutMs / 1000} s (timed out)`,
        );
      } catch (error) {
        throw classifyBootFailure(error, environment());
      }
      host.on("server-ready", (port, url) => serverReadyByPort.get(port)?.(url));
      host.on("error", (error) => status(`WebContainer reported an error: ${error.message}`));
      mode = await probeTypeScript(host);
      status(
        `WebContainer is ready (Node ${mode.nodeVersion}, TypeScript via ${mode.kind === "native" ? "native type stripping" : mode.kind === "flag" ? "--experimental-strip-types" : "a type-stripping module hook"}).`,
      );
      return host;
    })();
    // A failed boot may succeed later (back online, storage allowed), so it is not cached.
    ready.catch(() => (ready = undefined));
    return ready;
  };

  const ensureDependencies = async (host: ContainerHost, example: string) => {
    if (examplesWithDependencies.has(example)) return;
    const snapshots = await options.dependencies?.snapshotsFor(example, mountedPackages);
    if (snapshots) {
      if (snapshots.length > 0) status(`Loading dependencies: ${snapshots.map((s) => s.name).join(", ")}…`);
      for (const { name, snapshot } of snapshots) {
        const mountPoint = `node_modules/${name}`;
        await host.fs.mkdir(mountPoint, { recursive: true });
        await host.mount(snapshot, { mountPoint });
        mountedPackages.add(name);
      }
    } else {
      status(`Installing ${example}'s dependencies with npm (this needs the network)…`);
      const install = await readAll(
        await host.spawn("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: example }),
      );
      if (install.code !== 0) {
        throw new RuntimeUnavailableError(
          environment().onLine ? "runtime-unreachable" : "offline",
          `npm install failed in WebContainer (exit ${install.code}): ${install.output.slice(-500)}`,
        );
      }
    }
    examplesWithDependencies.add(example);
  };

  const filesOf = (example: string): Map<string, string> => {
    const files = mounted.get(example);
    if (!files) throw new Error(`The example ${example} is not mounted; call mount() first.`);
    return files;
  };

  const requestInside = async (
    host: ContainerHost,
    port: number,
    request: ServiceRequest,
  ): Promise<ServiceResponse> => {
    const payload = JSON.stringify({
      port,
      method: request.method,
      path: request.path,
      headers: request.headers,
      body: request.body,
    });
    const { output } = await readAll(await host.spawn("node", ["-e", REQUEST_SCRIPT, payload]));
    const encoded = RESPONSE_MARKER.exec(output)?.[1];
    if (!encoded) throw new Error(`The request could not be sent from inside WebContainer: ${output.slice(-300)}`);
    const result = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))) as
      ServiceResponse | { error: string };
    if ("error" in result) {
      if (result.error === "ECONNREFUSED") throw new ServiceNotRunningError();
      throw new Error(`The request failed inside WebContainer: ${result.error}`);
    }
    return result;
  };

  const spawn = async (example: string, command: RunCommand, spawnOptions: SpawnOptions): Promise<RunningProcess> => {
    const host = await ensureReady();
    const files = filesOf(example);
    await ensureDependencies(host, example);
    const typeScript = mode as TypeScriptMode;
    const args = expandTestGlobs(typeScript, commandArgs(files, command), [...files.keys()]);
    const port = nextPort++;
    const env: Record<string, string> = { PORT: String(port) };
    const nodeOptions = nodeOptionsFor(typeScript);
    if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
    let stopReason: Exclude<ExitInfo["reason"], "exited" | "error"> | undefined;
    let ended: ExitInfo | undefined;
    let listening = false;
    let outputBytes = 0;
    let child: ContainerProcess | undefined;
    let runTimer: ReturnType<typeof setTimeout> | undefined;
    let listenTimer: ReturnType<typeof setTimeout> | undefined;
    let settleExit!: (exit: ExitInfo) => void;
    const exit = new Promise<ExitInfo>((resolve) => (settleExit = resolve));
    let ready!: (server: ServerReady) => void;
    let notReady!: (error: Error) => void;
    const serverReady = new Promise<ServerReady>((resolve, reject) => {
      ready = resolve;
      notReady = reject;
    });
    serverReady.catch(() => undefined);

    const messages = {
      killed: "Stopped.",
      timeout: `Stopped after ${limits.runTimeoutMs / 1000} s, the time limit for a run.`,
      idle: "Stopped while idle.",
      "output-limit": `Stopped after ${limits.maxOutputBytes} bytes of output, the output limit.`,
      "never-listened": `The service did not listen on its port (PORT=${port}) within ${limits.listenTimeoutMs / 1000} s.`,
    } as const;

    const finish = (code: number | null) => {
      if (ended) return;
      ended = stopReason
        ? { code, signal: null, reason: stopReason, message: messages[stopReason] }
        : { code, signal: null, reason: "exited" };
      clearTimeout(runTimer);
      clearTimeout(listenTimer);
      serverReadyByPort.delete(port);
      notReady(new Error(ended.message ?? `The process ended (code ${code ?? "none"}) before it listened on a port.`));
      settleExit(ended);
    };
    const stop = async (reason: NonNullable<typeof stopReason>) => {
      if (!ended && !stopReason) {
        stopReason = reason;
        child?.kill();
        // Some container processes never report an exit code after kill(); the run is over for the reader either way.
        setTimeout(() => finish(null), limits.killTimeoutMs);
      }
      await exit;
    };

    // Listening first: the container may announce the server before spawn() has resolved.
    if (command.kind !== "test") {
      serverReadyByPort.set(port, (url) => {
        if (ended || listening) return;
        listening = true;
        clearTimeout(listenTimer);
        clearTimeout(runTimer);
        ready({
          port,
          url,
          request: async (request) => {
            if (ended) throw new ServiceNotRunningError();
            return requestInside(host, port, request);
          },
        });
      });
    }
    try {
      child = await host.spawn("node", args, { cwd: example, env });
    } catch (error) {
      serverReadyByPort.delete(port);
      throw error;
    }
    if (!listening) runTimer = setTimeout(() => void stop("timeout"), limits.runTimeoutMs);
    if (!listening && command.kind === "start") {
      listenTimer = setTimeout(() => void stop("never-listened"), limits.listenTimeoutMs);
    }

    void child.output
      .pipeTo(
        new WritableStream({
          write(text) {
            if (stopReason === "output-limit") return;
            outputBytes += new TextEncoder().encode(text).length;
            if (outputBytes > limits.maxOutputBytes) return void stop("output-limit");
            spawnOptions.onOutput({ stream: "stdout", text });
          },
        }),
      )
      .catch(() => undefined);
    void child.exit.then(finish, () => finish(null));

    const runningProcess: RunningProcess = {
      id: `${example}:${port}`,
      exit,
      serverReady,
      kill: () => stop("killed"),
    };
    running.add(runningProcess);
    void exit.then(() => running.delete(runningProcess));
    return runningProcess;
  };

  return {
    kind: "webcontainer",
    async mount(example: string, files: FileMap) {
      if (!EXAMPLE_NAME.test(example)) throw new Error(`${JSON.stringify(example)} is not an example name.`);
      Object.keys(files).forEach(assertRelativePath);
      const host = await ensureReady();
      await host.fs.rm(example, { recursive: true, force: true });
      await host.fs.mkdir(example, { recursive: true });
      await host.mount(toTree(files), { mountPoint: example });
      mounted.set(example, new Map(Object.entries(files)));
      await ensureDependencies(host, example);
    },
    async writeFile(example: string, path: string, contents: string) {
      assertRelativePath(path);
      const files = filesOf(example);
      const host = await ensureReady();
      const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
      if (folder) await host.fs.mkdir(`${example}/${folder}`, { recursive: true });
      await host.fs.writeFile(`${example}/${path}`, contents);
      files.set(path, contents);
    },
    spawn,
    async teardown() {
      await Promise.all([...running].map((runningProcess) => runningProcess.kill()));
      const host = await ready?.catch(() => undefined);
      host?.teardown();
      ready = undefined;
      mode = undefined;
      mounted.clear();
      mountedPackages.clear();
      examplesWithDependencies.clear();
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    typeScriptMode: () => mode,
  };
}

let shared: WebContainerRuntime | undefined;

/** The page's one WebContainer runtime (WebContainer allows a single booted instance per page). */
export function sharedWebContainerRuntime(options?: WebContainerRuntimeOptions): WebContainerRuntime {
  shared ??= createWebContainerRuntime(options);
  return shared;
}
