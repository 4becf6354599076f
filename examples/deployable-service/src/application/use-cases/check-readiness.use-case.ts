import type { DependencyCheck } from "../ports/dependency-check.port.ts";

/** One dependency's answer in the readiness report. */
export type DependencyStatus = {
  readonly name: string;
  readonly required: boolean;
  readonly status: "up" | "down";
  readonly detail?: string;
};

/** What /health/ready reports: ready or not, and why. */
export type ReadinessReport = {
  readonly ready: boolean;
  readonly shuttingDown: boolean;
  readonly checks: readonly DependencyStatus[];
};

/**
 * Ready means: not shutting down, and every required dependency answered within the timeout. An optional
 * dependency that is down (a cache the service can work without) shows in the report but keeps it ready:
 * taking every instance out of the load balancer because the cache is slow would turn a slowdown into an outage.
 */
export class CheckReadinessUseCase {
  private readonly checks: readonly DependencyCheck[];
  private readonly timeoutMs: number;
  private readonly isShuttingDown: () => boolean;

  constructor(deps: { checks: readonly DependencyCheck[]; timeoutMs: number; isShuttingDown: () => boolean }) {
    this.checks = deps.checks;
    this.timeoutMs = deps.timeoutMs;
    this.isShuttingDown = deps.isShuttingDown;
  }

  async execute(): Promise<ReadinessReport> {
    const shuttingDown = this.isShuttingDown();
    // While shutting down, do not bother the dependencies: the answer is "no" whatever they say.
    const checks = shuttingDown ? [] : await Promise.all(this.checks.map((check) => this.run(check)));
    const ready = !shuttingDown && checks.every((check) => check.status === "up" || !check.required);
    return { ready, shuttingDown, checks };
  }

  private async run(dependency: DependencyCheck): Promise<DependencyStatus> {
    const { name, required } = dependency;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no answer within ${this.timeoutMs} ms`)); // first, so the race reports the timeout
        controller.abort(); // then let the check drop its connection
      }, this.timeoutMs);
    });
    try {
      await Promise.race([dependency.check(controller.signal), timedOut]);
      return { name, required, status: "up" };
    } catch (error) {
      return { name, required, status: "down", detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
