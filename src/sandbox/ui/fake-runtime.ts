/** A Runtime for unit tests: records what the session asks and lets the test play the processes. */
import {
  ServiceNotRunningError,
  type ExitInfo,
  type FileMap,
  type RunCommand,
  type RunningProcess,
  type Runtime,
  type RuntimeKind,
  type ServerReady,
  type ServiceRequest,
  type ServiceResponse,
  type SpawnOptions,
} from "../runtime/port.ts";

/** A process the test drives: print output, listen, exit. */
export class FakeProcess implements RunningProcess {
  readonly id: string;
  readonly command: RunCommand;
  readonly exit: Promise<ExitInfo>;
  readonly serverReady: Promise<ServerReady>;
  readonly requests: ServiceRequest[] = [];
  running = true;
  private readonly options: SpawnOptions;
  private resolveExit!: (info: ExitInfo) => void;
  private resolveReady!: (ready: ServerReady) => void;
  private rejectReady!: (error: Error) => void;

  constructor(id: string, command: RunCommand, options: SpawnOptions) {
    this.id = id;
    this.command = command;
    this.options = options;
    this.exit = new Promise((resolve) => {
      this.resolveExit = resolve;
    });
    this.serverReady = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.serverReady.catch(() => undefined);
  }

  print(text: string, stream: "stdout" | "stderr" = "stdout"): void {
    this.options.onOutput({ stream, text });
  }

  listen(port: number, answer: (request: ServiceRequest) => ServiceResponse): void {
    this.resolveReady({
      port,
      url: `/__runner/proxy/${port}/`,
      request: async (request) => {
        if (!this.running) throw new ServiceNotRunningError();
        this.requests.push(request);
        return answer(request);
      },
    });
  }

  end(info: Partial<ExitInfo> = {}): void {
    this.running = false;
    this.rejectReady(new Error("exited before listening"));
    this.resolveExit({ code: 0, signal: null, reason: "exited", ...info });
  }

  async kill(): Promise<void> {
    this.end({ code: null, signal: "SIGTERM", reason: "killed" });
  }
}

/** Records mounts, writes and spawns; each spawn's process is pushed to `processes`. */
export class FakeRuntime implements Runtime {
  readonly kind: RuntimeKind;
  readonly mounts: Array<{ example: string; files: FileMap }> = [];
  readonly writes: Array<{ path: string; contents: string }> = [];
  readonly processes: FakeProcess[] = [];
  spawnError: Error | undefined;

  constructor(kind: RuntimeKind = "local") {
    this.kind = kind;
  }

  async mount(example: string, files: FileMap): Promise<void> {
    this.mounts.push({ example, files: { ...files } });
  }

  async writeFile(_example: string, path: string, contents: string): Promise<void> {
    this.writes.push({ path, contents });
  }

  async spawn(_example: string, command: RunCommand, options: SpawnOptions): Promise<RunningProcess> {
    if (this.spawnError) throw this.spawnError;
    const process = new FakeProcess(`p${this.processes.length + 1}`, command, options);
    this.processes.push(process);
    return process;
  }

  async teardown(): Promise<void> {
    for (const process of this.processes) if (process.running) process.end({ reason: "killed" });
  }
}

/** An in-memory Storage, optionally failing like a full or blocked one. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  failWrites: Error | undefined;

  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw this.failWrites;
    this.items.set(key, value);
  }
}
