import type { Context, MiddlewareHandler } from "hono";
import type { RateLimiter } from "../../application/ports/rate-limiter.port.ts";
import { RateLimitExceededError } from "../request-errors.ts";

/**
 * Counts this request against `limiter` under `key`, and says so in the IETF RateLimit header fields
 * (draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy: "login-ip";q=20;w=60` is the quota, and
 * `RateLimit: "login-ip";r=19;t=3` what is left and in how many seconds the bucket is full again).
 * Over the limit: 429 with `Retry-After` (RFC 9110), before any password is hashed.
 */
export function enforceRateLimit(c: Context, limiter: RateLimiter, key: string): void {
  const { name, quota, windowSeconds } = limiter.policy;
  const decision = limiter.take(key);
  c.header("RateLimit-Policy", `"${name}";q=${quota};w=${windowSeconds}`, { append: true });
  c.header("RateLimit", `"${name}";r=${decision.remaining};t=${decision.resetSeconds}`, { append: true });
  if (!decision.allowed) throw new RateLimitExceededError(name, decision.retryAfterSeconds);
}

/** The same, as middleware, for limits whose key is known before the body is read (the client's address). */
export function rateLimit(limiter: RateLimiter, keyOf: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    enforceRateLimit(c, limiter, keyOf(c));
    await next();
  };
}
