/**
 * One process of the in-browser runtime: a module Worker that receives its files and argv from
 * the page, installs Node's globals (process, Buffer, timers, console, a loopback fetch) and runs
 * either one test file under node:test or a program (`node src/main.ts`). Killing the worker is
 * SIGKILL; a "signal" message is SIGTERM/SIGINT, delivered to the program's listeners.
 */
import { Buffer } from "./node/buffer-base.ts";
import process, { configureProcess, deliverSignal } from "./node/process.ts";
import { installGlobalTimers } from "./node/timers.ts";
import { installConsole, formatArgs } from "./process/console.ts";
import { mountFiles } from "./process/file-system.ts";
import { activeHandles, exit, holdHandle, isExiting, ProcessExit, setInit, watchIdle, write } from "./process/host.ts";
import { handleLoopbackMessage, installLoopbackFetch } from "./process/loopback.ts";
import { importFrom, importMetaOf, moduleUrl, PreformattedError } from "./process/module-loader.ts";
import { configureTests, finishTests, reportFileFailure } from "./process/test-runner.ts";
import type { ProcessInit, ToWorker } from "./protocol.ts";

const browserSetTimeout = globalThis.setTimeout.bind(globalThis);

/** WASM compiles keep a program alive like Node's pending work would (PGlite compiles Postgres at start). */
function trackWebAssembly(): void {
  const wasm = WebAssembly as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of ["compile", "instantiate", "compileStreaming", "instantiateStreaming"]) {
    const original = wasm[name];
    if (typeof original !== "function") continue;
    wasm[name] = (...args: unknown[]) => {
      const release = holdHandle();
      return original.apply(WebAssembly, args).finally(release);
    };
  }
}

function installGlobals(): void {
  installGlobalTimers();
  installConsole();
  installLoopbackFetch();
  trackWebAssembly();
  Object.assign(globalThis, {
    process,
    Buffer,
    global: globalThis,
    __fieldGuideMeta: importMetaOf,
    __fieldGuideImport: importFrom,
  });
}

/** How Node prints an error that ended the process or a test file. */
function printFatal(error: unknown): void {
  if (error instanceof ProcessExit) return;
  if (error instanceof PreformattedError) write("stderr", `${error.text}\n`);
  else write("stderr", `${formatArgs([error])}\n`);
}

function onUncaught(error: unknown, preventDefault: () => void): void {
  preventDefault();
  if (error instanceof ProcessExit || isExiting()) return;
  const { mode } = currentMode;
  printFatal(error);
  if (mode === "program") {
    try {
      exit(1);
    } catch {
      // ProcessExit: the page ends this worker.
    }
  }
}

const currentMode: { mode: ProcessInit["mode"] | undefined } = { mode: undefined };

async function runTestFile(init: ProcessInit): Promise<void> {
  configureTests({ timeoutMs: init.testTimeoutMs, file: init.entry });
  const started = performance.now();
  try {
    await import(/* @vite-ignore */ moduleUrl(init.entry));
  } catch (error) {
    printFatal(error);
    reportFileFailure(init.entry, performance.now() - started);
    return;
  }
  await finishTests();
}

async function runProgram(init: ProcessInit): Promise<void> {
  try {
    await import(/* @vite-ignore */ moduleUrl(init.entry));
  } catch (error) {
    if (error instanceof ProcessExit) return;
    printFatal(error);
    exit(1);
  }
  // Node exits when nothing is left to do; here "nothing" means no timer, server, request or WASM compile
  // for a moment. The check uses the browser's own timer: one of ours would count as a handle itself.
  let checking = false;
  const exitWhenIdle = () => {
    if (checking) return;
    checking = true;
    browserSetTimeout(() => {
      checking = false;
      if (activeHandles() > 0 || isExiting()) return;
      process.emit("beforeExit", (process as unknown as { exitCode?: number }).exitCode ?? 0);
      if (activeHandles() === 0) (process as unknown as { exit: () => never }).exit();
    }, 300);
  };
  watchIdle(exitWhenIdle);
  if (activeHandles() === 0) exitWhenIdle();
}

async function start(init: ProcessInit): Promise<void> {
  setInit(init);
  currentMode.mode = init.mode;
  mountFiles(init.root, init.files);
  configureProcess({
    env: init.env,
    argv: [`${init.root}/${init.entry}`, ...init.argv.slice(1)],
    execArgv: init.execArgv,
    cwd: init.root,
  });
  installGlobals();
  try {
    if (init.mode === "test") await runTestFile(init);
    else await runProgram(init);
  } catch (error) {
    if (!(error instanceof ProcessExit)) printFatal(error);
  }
}

self.addEventListener("error", (event) => onUncaught(event.error ?? event.message, () => event.preventDefault()));
self.addEventListener("unhandledrejection", (event) => onUncaught(event.reason, () => event.preventDefault()));

self.addEventListener("message", (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (handleLoopbackMessage(message)) return;
  if (message.type === "start") void start(message.init);
  else if (message.type === "signal") {
    try {
      deliverSignal(message.signal);
    } catch (error) {
      if (!(error instanceof ProcessExit)) printFatal(error);
    }
  }
});
