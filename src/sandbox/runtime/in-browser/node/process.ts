/**
 * node:process over the worker: env, argv, cwd, exit/exitCode, stdout/stderr, signals as events,
 * nextTick, hrtime. `versions` deliberately has no `node`: PGlite (and others) take their Node
 * code path when it does, and that path needs the real file system.
 */
import { EventEmitter } from "events";
import { exit as exitHost, write } from "../process/host.ts";

class WriteStream extends EventEmitter {
  readonly isTTY = false;
  readonly columns = 80;
  private readonly stream: "stdout" | "stderr";
  constructor(stream: "stdout" | "stderr") {
    super();
    this.stream = stream;
  }
  write(chunk: unknown, encodingOrCallback?: unknown, callback?: unknown): boolean {
    const text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk as Uint8Array);
    write(this.stream, text);
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (typeof done === "function") queueMicrotask(() => (done as () => void)());
    return true;
  }
  end(chunk?: unknown): this {
    if (chunk !== undefined) this.write(chunk);
    return this;
  }
  hasColors(): boolean {
    return false;
  }
  getColorDepth(): number {
    return 1;
  }
}

const started = performance.now();

function hrtime(previous?: readonly [number, number]): [number, number] {
  const now = performance.now();
  let seconds = Math.floor(now / 1000);
  let nanos = Math.floor((now % 1000) * 1e6);
  if (previous) {
    seconds -= previous[0];
    nanos -= previous[1];
    if (nanos < 0) {
      seconds -= 1;
      nanos += 1e9;
    }
  }
  return [seconds, nanos];
}
hrtime.bigint = () => BigInt(Math.floor(performance.now() * 1e6));

interface ProcessStandIn extends EventEmitter {
  [key: string]: unknown;
}

const process = new EventEmitter() as ProcessStandIn;
Object.assign(process, {
  title: "node",
  pid: 1,
  ppid: 0,
  arch: "wasm",
  platform: "browser",
  // No `node` key on purpose (see the file comment); `browser` says which runtime this is.
  versions: Object.freeze({ browser: "1" }),
  version: "",
  release: Object.freeze({ name: "field-guide-in-browser" }),
  env: {} as Record<string, string>,
  argv: ["node"],
  argv0: "node",
  execArgv: [] as string[],
  execPath: "/usr/local/bin/node",
  exitCode: undefined as number | undefined,
  stdout: new WriteStream("stdout"),
  stderr: new WriteStream("stderr"),
  stdin: Object.assign(new EventEmitter(), { isTTY: false }),
  features: {},
  config: { variables: {} },
  cwd: () => "/",
  chdir: () => {
    throw new Error("process.chdir() is not available in the in-browser runtime.");
  },
  umask: () => 0o22,
  uptime: () => (performance.now() - started) / 1000,
  hrtime,
  memoryUsage: Object.assign(() => ({ rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }), {
    rss: () => 0,
  }),
  cpuUsage: () => ({ user: 0, system: 0 }),
  resourceUsage: () => ({}),
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
  emitWarning: (warning: string | Error, type?: string) => {
    const text =
      typeof warning === "string" ? `${typeof type === "string" ? type : "Warning"}: ${warning}` : String(warning);
    write("stderr", `(node:1) ${text}\n`);
  },
  exit: (code?: number | string) => {
    const resolved = code === undefined ? process["exitCode"] : code;
    const number = resolved === undefined || resolved === null ? 0 : Number(resolved);
    process.emit("exit", number);
    exitHost(Number.isInteger(number) ? number : 1);
  },
  reallyExit: (code: number) => exitHost(code),
  abort: () => exitHost(134),
  kill: (pid: number, signal = "SIGTERM") => {
    if (pid !== 1) throw Object.assign(new Error("kill ESRCH"), { code: "ESRCH", errno: -3, syscall: "kill" });
    deliverSignal(signal);
    return true;
  },
  binding: () => {
    throw new Error("process.binding() is not available in the in-browser runtime.");
  },
  getuid: () => 1000,
  getgid: () => 1000,
  geteuid: () => 1000,
  getegid: () => 1000,
});

const SIGNAL_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGKILL: 137 };

/** A signal sent to the process: its listeners run, or, with none, the process ends as Node's default handler would. */
export function deliverSignal(signal: string): void {
  if (process.listenerCount(signal) > 0) process.emit(signal, signal);
  else exitHost(SIGNAL_CODES[signal] ?? 1);
}

/** Fills in what the page sent: env, argv and the working directory. */
export function configureProcess(options: {
  env: Readonly<Record<string, string>>;
  argv: readonly string[];
  execArgv: readonly string[];
  cwd: string;
}): void {
  Object.assign(process["env"] as Record<string, string>, options.env);
  // In place: modules may already hold the arrays (`import { argv } from "node:process"`).
  (process["argv"] as string[]).splice(0, Infinity, "/usr/local/bin/node", ...options.argv);
  (process["execArgv"] as string[]).splice(0, Infinity, ...options.execArgv);
  process["cwd"] = () => options.cwd;
}

export default process;
type Typed = {
  env: Record<string, string>;
  argv: string[];
  execArgv: string[];
  stdout: WriteStream;
  stderr: WriteStream;
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => void;
  versions: Record<string, string>;
  platform: string;
  emitWarning: (warning: string | Error, type?: string) => void;
  exit: (code?: number | string) => never;
  cwd: () => string;
};
const typed = process as unknown as Typed;
export const env = typed.env;
export const argv = typed.argv;
export const execArgv = typed.execArgv;
export const stdout = typed.stdout;
export const stderr = typed.stderr;
export const nextTick = typed.nextTick;
export const versions = typed.versions;
export const platform = typed.platform;
export const emitWarning = typed.emitWarning;
export const exit = (code?: number | string): never => typed.exit(code);
export const cwd = (): string => typed.cwd();
export { hrtime, process };
