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
  /**
   * After the run's leader exited and its escaped processes were killed, how long the runner waits
   * for the output pipes to close before it ends the run anyway (something it could not find may hold them).
   */
  readonly drainTimeoutMs: number;
  /** Processes one run may have at once (cgroup pids.max, where the pids controller is available): stops fork bombs. */
  readonly maxProcesses: number;
  /** Memory one run may use (cgroup memory.max, where the memory controller is available). */
  readonly maxMemoryBytes: number;
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
  drainTimeoutMs: 2_000,
  maxProcesses: 256,
  maxMemoryBytes: 1024 * 1024 * 1024,
};

/** Defaults overlaid with the given limits. */
export function resolveLimits(overrides: Partial<RunnerLimits> = {}): RunnerLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
