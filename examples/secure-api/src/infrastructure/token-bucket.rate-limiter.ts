import type { Clock } from "../application/ports/clock.port.ts";
import type { RateLimitDecision, RateLimiter } from "../application/ports/rate-limiter.port.ts";

/** A token bucket: `quota` requests at once, refilled evenly over `windowSeconds`. */
export type TokenBucketPolicy = { readonly name: string; readonly quota: number; readonly windowSeconds: number };

type Bucket = { tokens: number; updatedAt: number };

/**
 * One bucket per key, in this process's memory (with several instances, or many keys, keep the buckets in Redis with
 * an expiry instead). Written here rather than taken from hono-rate-limiter (0.5, checked): its memory store counts
 * fixed windows, which let a client send twice the quota across a window boundary, and reads Date.now() and a
 * timer, so tests would have to wait; a bucket with the clock injected is these thirty lines.
 */
export class TokenBucketRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  readonly policy: TokenBucketPolicy;
  private readonly clock: Clock;

  constructor(policy: TokenBucketPolicy, clock: Clock) {
    this.policy = policy;
    this.clock = clock;
  }

  take(key: string): RateLimitDecision {
    const bucket = this.refilled(key);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const secondsPerToken = this.policy.windowSeconds / this.policy.quota;
    const retryAfterSeconds = allowed ? 0 : Math.ceil((1 - bucket.tokens) * secondsPerToken);
    const resetSeconds = Math.ceil((this.policy.quota - bucket.tokens) * secondsPerToken);
    return { allowed, remaining: Math.floor(bucket.tokens), retryAfterSeconds, resetSeconds };
  }

  private refilled(key: string): Bucket {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? { tokens: this.policy.quota, updatedAt: now };
    const refill = ((now - bucket.updatedAt) / 1000) * (this.policy.quota / this.policy.windowSeconds);
    bucket.tokens = Math.min(this.policy.quota, bucket.tokens + refill);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}
