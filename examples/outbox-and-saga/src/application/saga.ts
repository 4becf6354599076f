import type { MoneyJson } from "../domain/money.value-object.ts";
import type { StockLine } from "./ports/inventory.port.ts";

/** Moving forward, done, undoing, undone, or parked: stuck and waiting for a person. */
export type SagaStatus = "started" | "completed" | "compensating" | "compensated" | "failed";

/** One line of a saga's history, as `GET /sagas/:id` shows it. */
export type SagaLogEntry = {
  readonly at: string;
  readonly step: string;
  readonly outcome: "done" | "retrying" | "failed";
  readonly detail?: string;
};

/** What the checkout saga works on, copied from the `order.placed` event that started it. */
export type CheckoutInput = {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly StockLine[];
  readonly total: MoneyJson;
};

/** Everything needed to resume after a crash or a restart; saved after every step. */
export type SagaState = {
  readonly id: string;
  readonly input: CheckoutInput;
  status: SagaStatus;
  /** Forward steps done and not yet compensated, in order. */
  completedSteps: string[];
  /** Ids that earlier steps produced (the payment id), for later steps and compensations. */
  data: Record<string, string>;
  failure: string | null;
  /** Failed tries of the current step, reset when a step succeeds. */
  attempts: number;
  /** The worker leaves the saga alone until then (backoff between retries). */
  nextAttemptAt: string;
  log: SagaLogEntry[];
  /** Optimistic lock: a save based on an older version is refused, so two workers never advance one saga. */
  version: number;
};

/** Code that runs one local transaction somewhere, given the saga's state. */
export type SagaAction = { readonly name: string; readonly run: (state: SagaState) => Promise<void> };

/** A forward step, and the action that semantically undoes it (none for the last step). */
export type SagaStep = SagaAction & { readonly compensation?: SagaAction };

/** The steps, in order, and what to do once every completed step is undone. */
export type SagaDefinition = {
  readonly steps: readonly SagaStep[];
  readonly whenCompensated: SagaAction;
};

/** The first state of a new saga: nothing done yet, due at once. */
export function newSagaState(id: string, input: CheckoutInput, now: Date): SagaState {
  return {
    id,
    input,
    status: "started",
    completedSteps: [],
    data: {},
    failure: null,
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    log: [],
    version: 0,
  };
}
