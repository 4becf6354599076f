/**
 * node:async_hooks' AsyncLocalStorage without engine support. While `run()`'s callback runs
 * synchronously, the context is a plain variable. After an `await`, it is found in V8's async
 * stack trace: run() awaits the callback's promise inside a function whose name carries the
 * context id, so any code whose await chain leads back to that run() sees the frame
 * `at async __fgContext<id>__`. That covers awaits in the reader's code and in dependencies alike.
 * One gap in that chain is transient: an async function that does `return promise` (Hono's
 * bodyLimit does `return next()`) links its promise to the inner one a microtask later, so code
 * resuming earlier finds no frame. For that window, a run() whose promise is pending and that
 * started in the current task is used when it is the only one (two at once would be a guess).
 * Not covered (getStore() returns undefined there, unlike Node): callbacks scheduled with
 * setTimeout/events, and promise chains built with .then() instead of await.
 */
import { write } from "../process/host.ts";

type Context = ReadonlyMap<AsyncLocalStorage<unknown>, unknown>;

const contexts = new Map<number, Context>();
let nextId = 1;
let current: number | undefined;
const FRAME = /__fgContext(\d+)__/;

// Tasks (macrotasks) counted with a MessageChannel: a message runs after every pending microtask.
let task = 0;
let taskEndScheduled = false;
let taskClock: MessageChannel | undefined;
/** Pending run() contexts → the task they started in. */
const young = new Map<number, number>();

function noteTask(): void {
  if (taskEndScheduled) return;
  taskEndScheduled = true;
  if (!taskClock) {
    taskClock = new MessageChannel();
    taskClock.port1.onmessage = () => {
      task += 1;
      taskEndScheduled = false;
    };
  }
  taskClock.port2.postMessage(0);
}

function markerFor(id: number): (work: PromiseLike<unknown>) => Promise<unknown> {
  const name = `__fgContext${id}__`;
  // A computed method name is the function's name in stack traces, without eval.
  const holder = {
    async [name](work: PromiseLike<unknown>) {
      return await work;
    },
  };
  return holder[name]!;
}

/** The context of the code running now: the synchronous run() around it, else the nearest one up its await chain. */
function currentContext(): Context | undefined {
  if (current !== undefined) return contexts.get(current);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = Infinity;
  const stack = new Error().stack ?? "";
  Error.stackTraceLimit = limit;
  const match = FRAME.exec(stack);
  if (match) return contexts.get(Number(match[1]));
  const startedNow = [...young].filter(([, startedIn]) => startedIn === task);
  if (startedNow.length === 1) return contexts.get(startedNow[0]![0]);
  if (young.size > 0) warnOnce();
  return undefined;
}

let warned = false;
/** Says, once per process, that a store may have been lost where Node would still have it. */
function warnOnce(): void {
  if (warned) return;
  warned = true;
  write(
    "stderr",
    "(in-browser runtime) AsyncLocalStorage: getStore() found no store while a run() is still in progress. " +
      "If this code runs inside that run(), Node would return its store: the page follows await chains only, " +
      "not timers, event callbacks or .then() chains. Run the example with Node if a test depends on it.\n",
  );
}

function runInContext<R>(context: Context, work: () => R): R {
  const id = nextId++;
  contexts.set(id, context);
  const previous = current;
  current = id;
  let result: R;
  try {
    result = work();
  } catch (error) {
    contexts.delete(id);
    throw error;
  } finally {
    current = previous;
  }
  if (result && typeof (result as { then?: unknown }).then === "function") {
    const tracked = markerFor(id)(result as unknown as PromiseLike<unknown>);
    young.set(id, task);
    noteTask();
    const forget = () => {
      contexts.delete(id);
      young.delete(id);
    };
    void tracked.then(forget, forget);
    return tracked as R;
  }
  contexts.delete(id);
  return result;
}

export class AsyncLocalStorage<T> {
  #entered: { store: T } | undefined;

  static bind<F extends (...args: never[]) => unknown>(fn: F): F {
    return AsyncResource.bind(fn);
  }
  static snapshot(): <R>(fn: (...args: unknown[]) => R, ...args: unknown[]) => R {
    const context = currentContext() ?? new Map();
    return (fn, ...args) => runInContext(context, () => fn(...args));
  }

  getStore(): T | undefined {
    const context = currentContext();
    if (context?.has(this as AsyncLocalStorage<unknown>)) return context.get(this as AsyncLocalStorage<unknown>) as T;
    return this.#entered?.store;
  }

  run<R, A extends unknown[]>(store: T, callback: (...args: A) => R, ...args: A): R {
    const context = new Map(currentContext() ?? []);
    context.set(this as AsyncLocalStorage<unknown>, store);
    return runInContext(context, () => callback(...args));
  }

  exit<R, A extends unknown[]>(callback: (...args: A) => R, ...args: A): R {
    const context = new Map(currentContext() ?? []);
    context.delete(this as AsyncLocalStorage<unknown>);
    return runInContext(context, () => callback(...args));
  }

  /** Approximation: the store applies to whatever runs later in this process that no run() overrides. */
  enterWith(store: T): void {
    this.#entered = { store };
  }

  disable(): void {
    this.#entered = undefined;
  }
}

export class AsyncResource {
  readonly type: string;
  readonly #context: Context;
  constructor(type: string) {
    this.type = type;
    this.#context = currentContext() ?? new Map();
  }
  static bind<F extends (...args: never[]) => unknown>(fn: F): F {
    return new AsyncResource("bound-anonymous-fn").bind(fn);
  }
  bind<F extends (...args: never[]) => unknown>(fn: F): F {
    return ((...args: Parameters<F>) => this.runInAsyncScope(fn, undefined, ...args)) as F;
  }
  runInAsyncScope<R>(fn: (...args: never[]) => R, thisArg?: unknown, ...args: unknown[]): R {
    return runInContext(this.#context, () => fn.apply(thisArg, args as never[]));
  }
  emitDestroy(): this {
    return this;
  }
  asyncId(): number {
    return 0;
  }
  triggerAsyncId(): number {
    return 0;
  }
}

export const executionAsyncId = (): number => 0;
export const triggerAsyncId = (): number => 0;
export const createHook = () => ({ enable: () => undefined, disable: () => undefined });

export default { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId, createHook };
