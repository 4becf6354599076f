/**
 * node:timers: Node's Timeout objects (ref/unref/hasRef/refresh) over the browser's timers, so
 * `setTimeout(…).unref()` works and a referenced timer keeps a program's process alive.
 */
import { holdHandle } from "../process/host.ts";

const native = {
  setTimeout: globalThis.setTimeout.bind(globalThis),
  clearTimeout: globalThis.clearTimeout.bind(globalThis),
  setInterval: globalThis.setInterval.bind(globalThis),
  clearInterval: globalThis.clearInterval.bind(globalThis),
};

type Callback = (...args: unknown[]) => void;

export class Timeout {
  #id: ReturnType<typeof native.setTimeout> | undefined;
  #release: (() => void) | undefined;
  #referenced = true;
  readonly #callback: Callback;
  readonly #delay: number;
  readonly #args: unknown[];
  readonly #repeat: boolean;

  constructor(callback: Callback, delay: unknown, args: unknown[], repeat: boolean) {
    if (typeof callback !== "function") {
      throw Object.assign(
        new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`),
        {
          code: "ERR_INVALID_ARG_TYPE",
        },
      );
    }
    const ms = Number(delay);
    this.#delay = Number.isFinite(ms) && ms >= 1 ? Math.min(ms, 2 ** 31 - 1) : 1;
    this.#callback = callback;
    this.#args = args;
    this.#repeat = repeat;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#referenced && !this.#release) this.#release = holdHandle();
    const fire = () => {
      if (!this.#repeat) this.#stop();
      this.#callback(...this.#args);
    };
    this.#id = this.#repeat ? native.setInterval(fire, this.#delay) : native.setTimeout(fire, this.#delay);
  }

  #stop(): void {
    if (this.#id !== undefined) (this.#repeat ? native.clearInterval : native.clearTimeout)(this.#id);
    this.#id = undefined;
    this.#release?.();
    this.#release = undefined;
  }

  ref(): this {
    this.#referenced = true;
    if (this.#id !== undefined && !this.#release) this.#release = holdHandle();
    return this;
  }
  unref(): this {
    this.#referenced = false;
    this.#release?.();
    this.#release = undefined;
    return this;
  }
  hasRef(): boolean {
    return this.#referenced;
  }
  refresh(): this {
    if (this.#id !== undefined) {
      this.#stop();
      this.#schedule();
    }
    return this;
  }
  close(): this {
    this.#stop();
    return this;
  }
  [Symbol.toPrimitive](): number {
    return Number(this.#id ?? 0);
  }
  [Symbol.dispose](): void {
    this.#stop();
  }
}

/**
 * Immediates run on a MessageChannel turn, not on setTimeout(0): browsers clamp nested zero-delay timers to 4 ms, so a
 * loop of `await new Promise(setImmediate)` (a common way to let pending work settle) would crawl.
 */
const immediateQueue = new Set<Immediate>();
const immediateChannel = new MessageChannel();
immediateChannel.port1.onmessage = () => {
  const due = [...immediateQueue];
  immediateQueue.clear();
  for (const immediate of due) immediate.run();
};

export class Immediate {
  #release: (() => void) | undefined;
  #referenced = true;
  #pending = true;
  readonly #callback: Callback;
  readonly #args: unknown[];

  constructor(callback: Callback, args: unknown[]) {
    if (typeof callback !== "function") {
      throw Object.assign(
        new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`),
        { code: "ERR_INVALID_ARG_TYPE" },
      );
    }
    this.#callback = callback;
    this.#args = args;
    this.#release = holdHandle();
    immediateQueue.add(this);
    immediateChannel.port2.postMessage(undefined);
  }

  /** Called by the channel: runs the callback once, unless it was cleared. */
  run(): void {
    if (!this.#pending) return;
    this.close();
    this.#callback(...this.#args);
  }
  ref(): this {
    this.#referenced = true;
    if (this.#pending && !this.#release) this.#release = holdHandle();
    return this;
  }
  unref(): this {
    this.#referenced = false;
    this.#release?.();
    this.#release = undefined;
    return this;
  }
  hasRef(): boolean {
    return this.#referenced;
  }
  close(): void {
    this.#pending = false;
    immediateQueue.delete(this);
    this.#release?.();
    this.#release = undefined;
  }
  [Symbol.dispose](): void {
    this.close();
  }
}

export function setTimeout(callback: Callback, delay?: number, ...args: unknown[]): Timeout {
  return new Timeout(callback, delay, args, false);
}
export function setInterval(callback: Callback, delay?: number, ...args: unknown[]): Timeout {
  return new Timeout(callback, delay, args, true);
}
export function setImmediate(callback: Callback, ...args: unknown[]): Immediate {
  return new Immediate(callback, args);
}
function clear(handle: unknown): void {
  if (handle instanceof Timeout || handle instanceof Immediate) handle.close();
  else if (typeof handle === "number") {
    native.clearTimeout(handle);
    native.clearInterval(handle);
  }
}
export const clearTimeout = clear;
export const clearInterval = clear;
export const clearImmediate = clear;

/** Replaces the worker's global timers with these, as Node's globals are. */
export function installGlobalTimers(): void {
  Object.assign(globalThis, { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate });
}

export { promises } from "./timers-promises.ts";
export default { setTimeout, setInterval, setImmediate, clearTimeout, clearInterval, clearImmediate };
