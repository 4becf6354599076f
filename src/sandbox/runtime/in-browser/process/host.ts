/**
 * The state of the one process this worker is: its init message, its output, its exit, and the
 * handles (timers, servers, requests, WASM compiles) that keep it alive. The Node stand-ins all
 * read it from here; esbuild's code splitting makes it a single shared module instance.
 */
import type { FromWorker, ProcessInit } from "../protocol.ts";

let current: ProcessInit | undefined;
let exiting = false;
const blobPaths = new Map<string, string>();

/** Thrown to unwind the stack after process.exit(); the page has already been told. */
export class ProcessExit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`process.exit(${code})`);
    this.code = code;
    this.name = "ProcessExit";
  }
}

export function post(message: FromWorker, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(message, transfer);
}

export function setInit(init: ProcessInit): void {
  current = init;
}

export function init(): ProcessInit {
  if (!current) throw new Error("The process has not started yet.");
  return current;
}

export function hasStarted(): boolean {
  return current !== undefined;
}

/** Remembers which file a blob: URL holds, so stack traces show `file:///sandbox/…` paths. */
export function registerBlob(url: string, fileUrl: string): void {
  blobPaths.set(url, fileUrl);
}

/** Replaces the module blob: URLs in a text (stack traces) with the files they hold. */
export function mapBlobUrls(text: string): string {
  if (!text.includes("blob:")) return text;
  return text.replace(/blob:[a-z]+:\/\/[^/\s)]+\/[0-9a-f-]{36}/gi, (url) => blobPaths.get(url) ?? url);
}

/** A stack trace as the reader should see it: their files' paths, without the runtime's own frames. */
export function readableStack(stack: string): string {
  return mapBlobUrls(stack)
    .split("\n")
    .filter((line) => !/^\s+at .*\/_runtime\//.test(line) && !/^\s+at new Promise \(<anonymous>\)$/.test(line))
    .join("\n");
}

export function write(stream: "stdout" | "stderr", text: string): void {
  if (exiting || text === "") return;
  post({ type: "output", stream, text: mapBlobUrls(text) });
}

export function isExiting(): boolean {
  return exiting;
}

/** Ends the process with `code`: the page terminates this worker on receipt. */
export function exit(code: number): never {
  if (!exiting) {
    exiting = true;
    post({ type: "exit", code });
  }
  throw new ProcessExit(code);
}

// ---- handles: what keeps a program's process alive after its main module has run ----
let refs = 0;
let idleWatch: (() => void) | undefined;

/** A handle that keeps the process alive while it is referenced. Returns release(). */
export function holdHandle(): () => void {
  refs += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    refs -= 1;
    if (refs === 0) idleWatch?.();
  };
}

export function activeHandles(): number {
  return refs;
}

/** Calls `onIdle` whenever the handle count drops to zero (the program decides what idle means). */
export function watchIdle(onIdle: () => void): void {
  idleWatch = onIdle;
}
