/** node:timers/promises: setTimeout/setImmediate/setInterval as promises, with AbortSignal and `ref`. */
import { Timeout } from "./timers.ts";

interface TimerOptions {
  readonly signal?: AbortSignal;
  readonly ref?: boolean;
}

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error("The operation was aborted", { cause: signal.reason }), {
    name: "AbortError",
    code: "ABORT_ERR",
  });
}

export function setTimeout<T = void>(delay?: number, value?: T, options: TimerOptions = {}): Promise<T> {
  const { signal, ref = true } = options;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      timer.close();
      reject(abortError(signal!));
    };
    const timer = new Timeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve(value as T);
      },
      delay,
      [],
      false,
    );
    if (!ref) timer.unref();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function setImmediate<T = void>(value?: T, options: TimerOptions = {}): Promise<T> {
  return setTimeout(0, value, options);
}

export async function* setInterval<T = void>(delay?: number, value?: T, options: TimerOptions = {}): AsyncGenerator<T> {
  while (true) yield await setTimeout(delay, value, options);
}

export const scheduler = {
  wait: (delay: number, options?: TimerOptions) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

export const promises = { setTimeout, setImmediate, setInterval, scheduler };
export default promises;
