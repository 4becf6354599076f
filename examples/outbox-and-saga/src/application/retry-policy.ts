/** How often and how patiently a failing saga step is retried before the saga gives up on it. */
export type RetryPolicy = {
  /** Tries of one step in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Math.random in production; tests pass a constant so delays are exact. */
  readonly random: () => number;
};

/**
 * Full jitter: a random wait between 0 and min(max, base × 2^(attempt − 1)). Exponential, so a
 * struggling dependency gets room; random, so many sagas failing together do not retry in step.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.round(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
}
