/**
 * node:test's `mock.timers` for the in-browser runtime: `setTimeout`/`clearTimeout`, `setInterval`/`clearInterval`
 * and `Date` on a clock that moves only with `tick`, as Node's own MockTimers does. Examples use it as a fake clock
 * for libraries that call the global timers themselves (cockatiel's timeouts and backoff, for one).
 */
type MockedApi = "setTimeout" | "setInterval" | "Date";

interface FakeTimer {
  readonly id: number;
  runAt: number;
  readonly interval: number | undefined;
  readonly callback: (...args: unknown[]) => void;
  readonly args: unknown[];
}

const SUPPORTED: readonly MockedApi[] = ["setTimeout", "setInterval", "Date"];

/** A handle like Node's Timeout: ref/unref/hasRef, and its id where a number is expected. */
function handle(id: number) {
  return {
    ref() {
      return this;
    },
    unref() {
      return this;
    },
    hasRef: () => true,
    refresh() {
      return this;
    },
    [Symbol.toPrimitive]: () => id,
  };
}

export class MockTimers {
  #now = 0;
  #nextId = 1;
  #timers: FakeTimer[] = [];
  #restore: (() => void) | undefined;

  /** Replaces the chosen APIs (default: all it supports) with fakes; the clock starts at `now`. */
  enable(options: { apis?: readonly string[]; now?: number | Date } = {}): void {
    if (this.#restore) throw new Error("MockTimers is already enabled!");
    const apis = options.apis ?? SUPPORTED;
    const unsupported = apis.filter((api) => !SUPPORTED.includes(api as MockedApi));
    if (unsupported.length > 0) {
      throw new Error(
        `mock.timers in the in-browser runtime fakes ${SUPPORTED.join(", ")}; not ${unsupported.join(", ")}`,
      );
    }
    this.#now = options.now instanceof Date ? options.now.getTime() : (options.now ?? 0);
    const global = globalThis as Record<string, unknown>;
    // By name: the global timers and Date are not all enumerable, so a spread of globalThis would miss them.
    const saved = Object.fromEntries(
      ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"].map((name) => [name, global[name]]),
    );
    const names: string[] = [];
    const schedule =
      (interval: boolean) =>
      (callback: () => void, delay?: number, ...args: unknown[]) => {
        const ms = Math.max(1, Number(delay) || 1);
        const timer = {
          id: this.#nextId++,
          runAt: this.#now + ms,
          interval: interval ? ms : undefined,
          callback,
          args,
        };
        this.#timers.push(timer);
        return handle(timer.id);
      };
    const cancel = (timer: unknown) => {
      const id = Number(timer);
      this.#timers = this.#timers.filter((candidate) => candidate.id !== id);
    };
    if (apis.includes("setTimeout")) {
      Object.assign(global, { setTimeout: schedule(false), clearTimeout: cancel });
      names.push("setTimeout", "clearTimeout");
    }
    if (apis.includes("setInterval")) {
      Object.assign(global, { setInterval: schedule(true), clearInterval: cancel });
      names.push("setInterval", "clearInterval");
    }
    if (apis.includes("Date")) {
      const RealDate = Date;
      const clock = () => this.#now;
      class FakeDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(clock());
          else super(...(args as [string]));
        }
        static override now(): number {
          return clock();
        }
      }
      global["Date"] = FakeDate;
      names.push("Date");
    }
    this.#restore = () => {
      for (const name of names) global[name] = saved[name];
    };
  }

  /** Moves the clock forward, running every timer that comes due on the way, in order. */
  tick(milliseconds = 1): void {
    if (!this.#restore) throw new Error("You should enable MockTimers first by calling the .enable function");
    const target = this.#now + milliseconds;
    for (;;) {
      const due = this.#timers
        .filter((timer) => timer.runAt <= target)
        .sort((a, b) => a.runAt - b.runAt || a.id - b.id)[0];
      if (!due) break;
      this.#now = due.runAt;
      if (due.interval === undefined) this.#timers = this.#timers.filter((timer) => timer !== due);
      else due.runAt += due.interval;
      due.callback(...due.args);
    }
    this.#now = target;
  }

  /** Runs every pending timer, moving the clock to the last one. */
  runAll(): void {
    const last = Math.max(this.#now, ...this.#timers.map((timer) => timer.runAt));
    this.tick(last - this.#now);
  }

  /** Puts the real APIs back and forgets every fake timer. */
  reset(): void {
    this.#restore?.();
    this.#restore = undefined;
    this.#timers = [];
  }

  [Symbol.dispose](): void {
    this.reset();
  }
}
