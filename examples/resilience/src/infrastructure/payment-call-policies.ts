import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  circuitBreaker,
  CircuitState,
  CountBreaker,
  ExponentialBackoff,
  fullJitterGenerator,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
} from "cockatiel";
import type {
  BreakerState,
  CallPolicyState,
  CallPolicyStateSource,
} from "../application/ports/call-policy-state.port.ts";
import { BulkheadFullError, CircuitOpenError, ExternalAPIError } from "../application/ports/infrastructure-errors.ts";
import { RetryBudget } from "./retry-budget.ts";

/** The numbers behind every policy, in one place so a reader can change them and see the effect. */
export type CallPolicyOptions = {
  readonly attemptTimeoutMs: number;
  /** The whole call's deadline, retries and waits included. */
  readonly totalTimeoutMs: number;
  /** Retries after the first try (2 means at most 3 tries). */
  readonly retries: number;
  readonly backoff: { readonly initialDelayMs: number; readonly maxDelayMs: number };
  readonly budget: { readonly capacity: number; readonly refillPerSuccess: number };
  /** Open when more than `threshold` of the last `window` calls failed (after `minimumCalls`). */
  readonly breaker: {
    readonly threshold: number;
    readonly window: number;
    readonly minimumCalls: number;
    readonly halfOpenAfterMs: number;
  };
  readonly bulkhead: { readonly limit: number; readonly queue: number };
};

export const PAYMENT_CALL_POLICIES: CallPolicyOptions = {
  attemptTimeoutMs: 1000,
  totalTimeoutMs: 3000,
  retries: 2,
  backoff: { initialDelayMs: 100, maxDelayMs: 1000 },
  budget: { capacity: 10, refillPerSuccess: 0.1 },
  breaker: { threshold: 0.5, window: 10, minimumCalls: 5, halfOpenAfterMs: 10_000 },
  bulkhead: { limit: 4, queue: 4 },
};

/** What the wrapped call receives: the signal to pass on, and the time it has left for this try. */
export type AttemptContext = { readonly signal: AbortSignal; readonly timeoutMs: number };

/** Seconds a shed caller is told to wait: long enough for the queue to drain. */
const SHED_RETRY_AFTER_SECONDS = 1;

/**
 * Only these failures say "the dependency is struggling": no answer (network error, timeout) or a
 * 5xx/429. A 4xx is the caller's own mistake; it must neither be retried nor open the breaker.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof TaskCancelledError) return true;
  if (!(error instanceof ExternalAPIError) || error instanceof CircuitOpenError) return false;
  return error.statusCode === null || error.statusCode >= 500 || error.statusCode === 429;
}

/**
 * The policies around every call to one dependency, outermost first: the call's deadline, the
 * bulkhead, retries (full jitter, retry budget), the circuit breaker, and a timeout per try. The
 * breaker, the bulkhead and the budget are shared by all calls; that is what makes them work.
 */
export class CallPolicies implements CallPolicyStateSource {
  private readonly dependency: string;
  private readonly options: CallPolicyOptions;
  private readonly budget: RetryBudget;
  private readonly breaker: CircuitBreakerPolicy;
  private readonly bulkhead: BulkheadPolicy;
  private openedAt = 0;
  private readonly counts = { retriesSpent: 0, deniedByBudget: 0, timedOut: 0, rejected: 0, shed: 0 };
  private readonly log: (line: string) => void;

  /** `log` receives one line per retry, timeout, shed call and breaker change (console.log in main.ts). */
  constructor(dependency: string, options: CallPolicyOptions, log: (line: string) => void = () => {}) {
    this.dependency = dependency;
    this.options = options;
    this.log = log;
    this.budget = new RetryBudget(options.budget);
    this.breaker = circuitBreaker(handleWhen(isTransient), {
      halfOpenAfter: options.breaker.halfOpenAfterMs,
      breaker: new CountBreaker({
        threshold: options.breaker.threshold,
        size: options.breaker.window,
        minimumNumberOfCalls: options.breaker.minimumCalls,
      }),
    });
    this.breaker.onBreak(() => {
      this.openedAt = Date.now();
    });
    this.breaker.onStateChange((state) => this.log(`${dependency}: circuit breaker ${breakerState(state)}`));
    this.bulkhead = bulkhead(options.bulkhead.limit, options.bulkhead.queue);
  }

  /**
   * Runs `attempt` under every policy. `retryable` is true only for calls that are safe to repeat:
   * reads, and writes that carry an idempotency key. Failures leave as the port's errors.
   */
  async execute<T>(attempt: (context: AttemptContext) => Promise<T>, options: { retryable: boolean }): Promise<T> {
    const deadline = Date.now() + this.options.totalTimeoutMs;
    let tries = 0;
    const retries = retry(
      handleWhen((error) => this.mayRetry(error, options.retryable, tries)),
      {
        maxAttempts: this.options.retries,
        backoff: new ExponentialBackoff({
          generator: fullJitterGenerator, // a random wait in [0, min(max, initial × 2^n)): callers spread out
          initialDelay: this.options.backoff.initialDelayMs,
          maxDelay: this.options.backoff.maxDelayMs,
        }),
      },
    );
    retries.onRetry((event) => {
      this.budget.spend();
      this.counts.retriesSpent++;
      const why = "error" in event && event.error instanceof Error ? event.error.message : "a failed try";
      this.log(`${this.dependency}: retry ${event.attempt} in ${event.delay} ms after ${why}`);
    });
    const perTry = timeout(this.options.attemptTimeoutMs, TimeoutStrategy.Aggressive);
    perTry.onTimeout(() => {
      this.counts.timedOut++;
      this.log(`${this.dependency}: try timed out after ${this.options.attemptTimeoutMs} ms`);
    });
    const policy = wrap(
      timeout(this.options.totalTimeoutMs, TimeoutStrategy.Aggressive),
      this.bulkhead,
      retries,
      this.breaker,
      perTry,
    );

    try {
      const result = await policy.execute(({ signal }) => {
        tries++;
        // Deadline propagation: tell the dependency how long we will still wait for this try.
        const timeoutMs = Math.max(0, Math.min(this.options.attemptTimeoutMs, deadline - Date.now()));
        return attempt({ signal, timeoutMs });
      });
      this.budget.recordSuccess();
      return result;
    } catch (error) {
      throw this.translate(error);
    }
  }

  private mayRetry(error: unknown, retryable: boolean, tries: number): boolean {
    if (!retryable || !isTransient(error) || tries > this.options.retries) return false;
    if (this.budget.canRetry()) return true;
    this.counts.deniedByBudget++;
    return false;
  }

  /** Policy errors become the port's errors, so nothing above this file knows cockatiel. */
  private translate(error: unknown): unknown {
    if (error instanceof BrokenCircuitError) {
      this.counts.rejected++;
      return new CircuitOpenError(this.dependency, this.secondsUntilHalfOpen() || 1);
    }
    if (error instanceof BulkheadRejectedError) {
      this.counts.shed++;
      this.log(`${this.dependency}: bulkhead full, call shed`);
      return new BulkheadFullError(this.dependency, SHED_RETRY_AFTER_SECONDS);
    }
    if (error instanceof TaskCancelledError) {
      return new ExternalAPIError(this.dependency, null, "no answer before the deadline", { cause: error });
    }
    return error;
  }

  private secondsUntilHalfOpen(): number {
    if (this.breaker.state !== CircuitState.Open) return 0;
    const remaining = this.openedAt + this.options.breaker.halfOpenAfterMs - Date.now();
    return Math.max(0, Math.ceil(remaining / 1000));
  }

  state(): CallPolicyState {
    const { bulkhead: limits } = this.options;
    return {
      dependency: this.dependency,
      timeouts: {
        attemptMs: this.options.attemptTimeoutMs,
        totalMs: this.options.totalTimeoutMs,
        timedOut: this.counts.timedOut,
      },
      retries: {
        maxAttempts: this.options.retries + 1,
        spent: this.counts.retriesSpent,
        deniedByBudget: this.counts.deniedByBudget,
        budgetTokens: this.budget.tokens,
        budgetCapacity: this.budget.capacity,
      },
      breaker: {
        state: breakerState(this.breaker.state),
        rejected: this.counts.rejected,
        retryAfterSeconds: this.secondsUntilHalfOpen(),
      },
      bulkhead: {
        limit: limits.limit,
        active: limits.limit - this.bulkhead.executionSlots,
        queueLimit: limits.queue,
        queued: limits.queue - this.bulkhead.queueSlots,
        shed: this.counts.shed,
      },
    };
  }
}

function breakerState(state: CircuitState): BreakerState {
  if (state === CircuitState.Closed) return "closed";
  if (state === CircuitState.HalfOpen) return "half-open";
  return "open"; // Open, or Isolated (held open by hand)
}
