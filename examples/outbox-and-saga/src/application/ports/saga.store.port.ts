import type { SagaState } from "../saga.ts";

/** Persisted saga state. */
export interface SagaStore {
  /** Stores a new saga at version 1. */
  create(state: SagaState): Promise<void>;
  /** Stores the state and bumps its version; throws ConcurrencyConflictError if someone saved a newer version first. */
  save(state: SagaState): Promise<void>;
  findById(id: string): Promise<SagaState | undefined>;
  /** Sagas still running (started or compensating) whose next attempt is due, oldest first. */
  due(now: Date, limit: number): Promise<SagaState[]>;
  /** Every saga, newest first. */
  list(): Promise<SagaState[]>;
}
