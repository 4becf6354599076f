import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TokenBucketRateLimiter } from "../../src/infrastructure/token-bucket.rate-limiter.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

describe("token bucket rate limiter", () => {
  it("allows the quota at once, then one more per refill interval", () => {
    const clock = new FakeClock();
    const limiter = new TokenBucketRateLimiter({ name: "login", quota: 3, windowSeconds: 180 }, clock);
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.take("ada").allowed),
      [true, true, true],
    );
    assert.deepEqual(limiter.take("ada"), { allowed: false, remaining: 0, retryAfterSeconds: 60, resetSeconds: 180 });
    clock.advanceSeconds(60);
    assert.equal(limiter.take("ada").allowed, true);
    assert.equal(limiter.take("ada").allowed, false);
  });

  it("keeps one bucket per key", () => {
    const limiter = new TokenBucketRateLimiter({ name: "login", quota: 1, windowSeconds: 60 }, new FakeClock());
    assert.equal(limiter.take("ada").allowed, true);
    assert.equal(limiter.take("grace").allowed, true);
    assert.equal(limiter.take("ada").allowed, false);
  });
});
