/**
 * Graceful shutdown, in the order that loses no request: stop being ready, give the load balancers time
 * to notice, stop accepting connections, finish the requests in flight, then close what those requests
 * used, consumers first (they create new work), then the cache, then the database everything else needs.
 */

/** Something to close at shutdown: a consumer, a cache client, a database pool. */
export type Closeable = { readonly name: string; readonly close: () => Promise<void> | void };

export type ShutdownPlan = {
  /** Makes /health/ready answer 503 from now on. */
  readonly markNotReady: () => void;
  /** How long to keep serving while readiness is 503 (DRAIN_DELAY_MS). */
  readonly drainDelayMs: number;
  /** Stops accepting connections at once, and resolves once every in-flight request has been answered. */
  readonly closeServer: () => Promise<void>;
  readonly consumers: readonly Closeable[];
  readonly caches: readonly Closeable[];
  readonly databases: readonly Closeable[];
  readonly log: (line: string) => void;
  /** Waits `ms`; tests pass a fake. */
  readonly sleep?: (ms: number) => Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the steps in order; a step that throws stops the rest, and the caller exits non-zero. */
export async function shutDownGracefully(plan: ShutdownPlan): Promise<void> {
  plan.markNotReady();
  plan.log(`readiness now 503; draining for ${plan.drainDelayMs} ms so load balancers stop sending traffic`);
  if (plan.drainDelayMs > 0) await (plan.sleep ?? realSleep)(plan.drainDelayMs);

  const inFlightDone = plan.closeServer(); // the listening socket closes now, in-flight requests go on
  plan.log("no longer accepting connections; finishing in-flight requests");
  await inFlightDone;

  for (const group of [plan.consumers, plan.caches, plan.databases]) {
    for (const resource of group) {
      await resource.close();
      plan.log(`closed ${resource.name}`);
    }
  }
  plan.log("shutdown complete");
}
