/** The answer for one request: let it through or not, and what the client may know about its quota. */
export type RateLimitDecision = {
  readonly allowed: boolean;
  /** Requests left right now. */
  readonly remaining: number;
  /** Seconds until one more request is allowed (0 while some are left). */
  readonly retryAfterSeconds: number;
  /** Seconds until the quota is whole again. */
  readonly resetSeconds: number;
};

/** Counts requests per key (a client address, an account) against one policy. */
export interface RateLimiter {
  /** The policy's name, quota and window, for the RateLimit-Policy header. */
  readonly policy: { readonly name: string; readonly quota: number; readonly windowSeconds: number };
  take(key: string): RateLimitDecision;
}
