/** Limits on what one reader's page can make the runner do; every one is an option so tests can use tiny values. */
export interface RunnerLimits {
  /** Files in one run request. */
  readonly maxFiles: number;
  /** Bytes of one file (UTF-8). */
  readonly maxFileBytes: number;
  /** Bytes of one request body (run request or proxied request). */
  readonly maxBodyBytes: number;
  /** Runs alive at the same time. */
  readonly maxConcurrentRuns: number;
  /** Wall-clock time a test run (or a `node` run that never listens) may take. */
  readonly runTimeoutMs: number;
  /** Time a started service has to listen on its port before it is stopped as never-listened. */
  readonly listenTimeoutMs: number;
  /** A listening service is stopped after this long without a proxied request. */
  readonly idleTimeoutMs: number;
  /** Bytes of stdout+stderr one run may produce before it is stopped. */
  readonly maxOutputBytes: number;
  /** Time between SIGTERM and SIGKILL when a process group is stopped. */
  readonly killGraceMs: number;
}

/** Defaults sized for the examples: their suites finish in seconds and their output is a few KiB. */
export const DEFAULT_LIMITS: RunnerLimits = {
  maxFiles: 200,
  maxFileBytes: 256 * 1024,
  maxBodyBytes: 4 * 1024 * 1024,
  maxConcurrentRuns: 4,
  runTimeoutMs: 60_000,
  listenTimeoutMs: 20_000,
  idleTimeoutMs: 15 * 60_000,
  maxOutputBytes: 2 * 1024 * 1024,
  killGraceMs: 2_000,
};

/** Defaults overlaid with the given limits. */
export function resolveLimits(overrides: Partial<RunnerLimits> = {}): RunnerLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
