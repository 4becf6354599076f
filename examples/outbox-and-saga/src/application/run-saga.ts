import { DomainError } from "../domain/domain-error.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { SagaStore } from "./ports/saga.store.port.ts";
import { backoffDelayMs, type RetryPolicy } from "./retry-policy.ts";
import type { SagaAction, SagaDefinition, SagaState } from "./saga.ts";

/** What advancing a saga needs besides its definition and state. */
export type SagaRunnerDeps = { readonly store: SagaStore; readonly clock: Clock; readonly retry: RetryPolicy };

/**
 * Moves a saga as far as it can go now, saving after every step, so a crash at any point resumes
 * from the last saved step (which is why every step must be idempotent: it may run twice).
 * - A step that fails with a DomainError (declined, out of stock) will not succeed on a retry:
 *   compensation starts at once.
 * - Any other failure (timeout, outage) is retried later with backoff; after `maxAttempts` a
 *   forward step gives up and compensation starts, while a compensation that keeps failing parks
 *   the saga as `failed`, for a person to look at.
 */
export async function advanceSaga(
  definition: SagaDefinition,
  state: SagaState,
  deps: SagaRunnerDeps,
): Promise<SagaState> {
  if (state.status === "started") await runForward(definition, state, deps);
  if (state.status === "compensating") await compensate(definition, state, deps);
  return state;
}

async function runForward(definition: SagaDefinition, state: SagaState, deps: SagaRunnerDeps): Promise<void> {
  for (const step of definition.steps) {
    if (state.completedSteps.includes(step.name)) continue; // done before a restart: skip
    const failure = await attempt(step, state, deps);
    if (failure === "retry later") return;
    if (failure !== undefined) {
      state.status = "compensating";
      state.failure = `${step.name}: ${failure}`;
      state.attempts = 0;
      await deps.store.save(state);
      return;
    }
    state.completedSteps.push(step.name);
    await deps.store.save(state);
  }
  state.status = "completed";
  await deps.store.save(state);
}

async function compensate(definition: SagaDefinition, state: SagaState, deps: SagaRunnerDeps): Promise<void> {
  for (const name of [...state.completedSteps].reverse()) {
    const compensation = definition.steps.find((step) => step.name === name)?.compensation;
    if (compensation !== undefined && !(await compensated(compensation, state, deps))) return;
    state.completedSteps = state.completedSteps.filter((done) => done !== name);
    await deps.store.save(state);
  }
  if (!(await compensated(definition.whenCompensated, state, deps))) return;
  state.status = "compensated";
  await deps.store.save(state);
}

/** Runs one compensation; false when it must wait (retry later) or the saga is now parked. */
async function compensated(action: SagaAction, state: SagaState, deps: SagaRunnerDeps): Promise<boolean> {
  const failure = await attempt(action, state, deps);
  if (failure === "retry later") return false;
  if (failure !== undefined) {
    state.status = "failed"; // parked: retrying forever would hide the problem; a person decides
    state.failure = `${action.name}: ${failure}; needs a person`;
    await deps.store.save(state);
    return false;
  }
  return true;
}

/**
 * Runs `action` once and logs the outcome. Resolves to undefined on success, "retry later" when a
 * retry was scheduled and saved, or the reason to stop trying.
 */
async function attempt(action: SagaAction, state: SagaState, deps: SagaRunnerDeps): Promise<string | undefined> {
  const now = deps.clock.now();
  try {
    await action.run(state);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof DomainError) {
      state.log.push({ at: now.toISOString(), step: action.name, outcome: "failed", detail: reason });
      return reason;
    }
    state.attempts += 1;
    if (state.attempts >= deps.retry.maxAttempts) {
      const detail = `gave up after ${state.attempts} attempts: ${reason}`;
      state.log.push({ at: now.toISOString(), step: action.name, outcome: "failed", detail });
      return detail;
    }
    const delayMs = backoffDelayMs(deps.retry, state.attempts);
    state.nextAttemptAt = new Date(now.getTime() + delayMs).toISOString();
    state.log.push({
      at: now.toISOString(),
      step: action.name,
      outcome: "retrying",
      detail: `${reason}; next try in ${delayMs} ms`,
    });
    await deps.store.save(state);
    return "retry later";
  }
  state.attempts = 0;
  state.log.push({ at: now.toISOString(), step: action.name, outcome: "done" });
  return undefined;
}
