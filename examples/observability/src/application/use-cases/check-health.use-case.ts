/** One dependency to check. `critical`: the service cannot serve without it (a database), or only serves worse (a cache). */
export type ComponentCheck = {
  readonly name: string;
  readonly critical: boolean;
  /** Resolves when the component answers; rejects (or takes longer than the timeout) when it does not. */
  readonly check: () => Promise<void>;
};

export type ComponentStatus = { status: "up" | "down"; critical: boolean; durationMs: number; error?: string };

/** healthy: all up. degraded: only non-critical components down (serve, worse). unhealthy: a critical one down. */
export type HealthReport = {
  status: "healthy" | "degraded" | "unhealthy";
  version: string;
  uptimeSeconds: number;
  checks: Record<string, ComponentStatus>;
};

/**
 * Checks every component in parallel, each with its own timeout, so one hanging dependency costs the
 * probe `timeoutMs`, not the sum, and never hangs it.
 */
export class CheckHealthUseCase {
  private readonly deps: { checks: readonly ComponentCheck[]; timeoutMs: number; version: string; startedAt: number };

  constructor(deps: { checks: readonly ComponentCheck[]; timeoutMs: number; version: string; startedAt?: number }) {
    this.deps = { ...deps, startedAt: deps.startedAt ?? performance.now() };
  }

  async execute(): Promise<HealthReport> {
    const results = await Promise.all(this.deps.checks.map((component) => this.run(component)));
    const down = this.deps.checks.filter((_, index) => results[index]!.status === "down");
    return {
      status: down.some((c) => c.critical) ? "unhealthy" : down.length > 0 ? "degraded" : "healthy",
      version: this.deps.version,
      uptimeSeconds: Math.round((performance.now() - this.deps.startedAt) / 1000),
      checks: Object.fromEntries(this.deps.checks.map((component, index) => [component.name, results[index]!])),
    };
  }

  private async run(component: ComponentCheck): Promise<ComponentStatus> {
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.deps.timeoutMs} ms`)), this.deps.timeoutMs);
    });
    try {
      await Promise.race([component.check(), timeout]);
      return { status: "up", critical: component.critical, durationMs: elapsed() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { status: "down", critical: component.critical, durationMs: elapsed(), error: message };
    } finally {
      clearTimeout(timer);
    }
  }
}
