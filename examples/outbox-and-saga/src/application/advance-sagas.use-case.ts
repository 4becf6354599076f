import type { Clock } from "./ports/clock.port.ts";
import type { SagaStore } from "./ports/saga.store.port.ts";
import { ConcurrencyConflictError } from "./ports/storage-errors.ts";
import type { RetryPolicy } from "./retry-policy.ts";
import { advanceSaga } from "./run-saga.ts";
import type { SagaDefinition } from "./saga.ts";

/** What the saga worker needs. */
export type AdvanceSagasDeps = {
  readonly store: SagaStore;
  readonly clock: Clock;
  readonly retry: RetryPolicy;
  readonly definition: SagaDefinition;
};

/**
 * The saga worker's one job: advance every saga that is due. After a restart it simply finds the
 * sagas still running in the store and carries on, which is why state is saved after every step.
 */
export class AdvanceSagasUseCase {
  private readonly deps: AdvanceSagasDeps;

  constructor(deps: AdvanceSagasDeps) {
    this.deps = deps;
  }

  /** Advances up to `limit` due sagas; returns how many it looked at. */
  async runDue(limit = 20): Promise<number> {
    const due = await this.deps.store.due(this.deps.clock.now(), limit);
    for (const saga of due) {
      try {
        await advanceSaga(this.deps.definition, saga, this.deps);
      } catch (error) {
        // Another worker saved this saga first: it owns it now; drop our copy.
        if (!(error instanceof ConcurrencyConflictError)) throw error;
      }
    }
    return due.length;
  }
}
