/** The circuit breaker's states, as the guide names them. */
export type BreakerState = "closed" | "open" | "half-open";

/** What the policies around one outgoing call are doing right now: shown by `GET /resilience`. */
export type CallPolicyState = {
  readonly dependency: string;
  readonly timeouts: { readonly attemptMs: number; readonly totalMs: number; readonly timedOut: number };
  readonly retries: {
    readonly maxAttempts: number;
    readonly spent: number;
    /** Retries a failure wanted but the budget refused. */
    readonly deniedByBudget: number;
    /** Tokens left: a retry costs one, a success earns back a fraction. */
    readonly budgetTokens: number;
    readonly budgetCapacity: number;
  };
  readonly breaker: {
    readonly state: BreakerState;
    /** Calls refused without being tried while the breaker was open. */
    readonly rejected: number;
    /** Seconds until an open breaker lets a trial call through; 0 unless open. */
    readonly retryAfterSeconds: number;
  };
  readonly bulkhead: {
    readonly limit: number;
    readonly active: number;
    readonly queueLimit: number;
    readonly queued: number;
    /** Calls shed because every slot and queue place was taken. */
    readonly shed: number;
  };
};

/** Reads the current state of an outgoing call's policies. */
export interface CallPolicyStateSource {
  state(): CallPolicyState;
}
