import { mock } from "node:test";

/** Where every fake clock starts. */
export const START = Date.parse("2026-03-01T10:00:00.000Z");

/**
 * A fake clock for the whole process: Node's own mock timers replace `setTimeout` and `Date`, which is
 * what cockatiel's timeouts, backoff waits and breaker use. Nothing waits for real time; a test moves
 * the clock with `advance` and sees exactly what happens at each moment.
 */
export const fakeTime = {
  install(): void {
    mock.timers.enable({ apis: ["setTimeout", "Date"], now: START });
  },

  uninstall(): void {
    mock.timers.reset();
  },

  /** Milliseconds the fake clock has moved since install. */
  elapsed(): number {
    return Date.now() - START;
  },

  /** Lets every promise that can move without time move (setImmediate is real, so this is a real turn). */
  async settle(): Promise<void> {
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
  },

  /** Moves the clock `ms` forward in small steps, settling after each, so timers set on the way fire too. */
  async advance(ms: number, step = 10): Promise<void> {
    for (let moved = 0; moved < ms; moved += step) {
      mock.timers.tick(Math.min(step, ms - moved));
      await fakeTime.settle();
    }
  },
};

/** The outcome of `work` and how much fake time passed before it settled; moves the clock as needed. */
export async function timed<T>(
  work: Promise<T>,
  options: { stepMs?: number; limitMs?: number } = {},
): Promise<{ value: T; elapsedMs: number }> {
  const { stepMs = 10, limitMs = 60_000 } = options;
  const start = Date.now();
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  // Handled at once, so a rejection is not "unhandled" while the clock moves.
  void work.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  await fakeTime.settle();
  while (!outcome && Date.now() - start < limitMs) await fakeTime.advance(stepMs, stepMs);
  if (!outcome) throw new Error(`still running after ${limitMs} ms of fake time`);
  if (!outcome.ok) throw outcome.error;
  return { value: outcome.value, elapsedMs: Date.now() - start };
}
