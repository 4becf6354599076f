import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { ExternalAPIError } from "../../src/application/ports/infrastructure-errors.ts";
import {
  CallPolicies,
  PAYMENT_CALL_POLICIES,
  type CallPolicyOptions,
} from "../../src/infrastructure/payment-call-policies.ts";
import { fakeTime, timed } from "../fakes/fake-time.ts";

/** The example's policies with a breaker and a bulkhead that stay out of the way, to watch retries alone. */
const retriesAlone: CallPolicyOptions = {
  ...PAYMENT_CALL_POLICIES,
  breaker: { ...PAYMENT_CALL_POLICIES.breaker, window: 1000, minimumCalls: 1000 },
  bulkhead: { limit: 100, queue: 0 },
};

const serverError = () => new ExternalAPIError("payments", 503, "answered 503");

describe("retries", () => {
  beforeEach(() => fakeTime.install());
  afterEach(() => fakeTime.uninstall());

  it("spread out with full jitter: callers failing together retry at different moments, within the first backoff", async () => {
    const policies = new CallPolicies("payments", retriesAlone);
    const retriedAt: number[] = [];
    const calls = Array.from({ length: 20 }, () => {
      let tries = 0;
      return policies.execute(
        async () => {
          if (++tries === 1) throw serverError();
          retriedAt.push(fakeTime.elapsed());
          return "ok";
        },
        { retryable: true },
      );
    });
    await timed(Promise.all(calls), { stepMs: 1 });
    assert.equal(retriedAt.length, 20);
    assert.ok(Math.max(...retriedAt) < 100, "full jitter waits between 0 and the 100 ms initial delay");
    assert.ok(
      new Set(retriedAt).size >= 5,
      `retries came at ${new Set(retriedAt).size} moments; without jitter, at one`,
    );
  });

  it("stop when the retry budget is spent: in an outage, 20 calls make 5 retries, not 40", async () => {
    const policies = new CallPolicies("payments", { ...retriesAlone, budget: { capacity: 5, refillPerSuccess: 0.1 } });
    let tries = 0;
    for (let call = 0; call < 20; call++) {
      await timed(
        policies
          .execute(
            async () => {
              tries++;
              throw serverError();
            },
            { retryable: true },
          )
          .catch(() => undefined),
      );
    }
    const { retries } = policies.state();
    assert.equal(retries.spent, 5);
    assert.equal(tries, 25, "20 first tries and 5 retries");
    assert.ok(retries.deniedByBudget > 0);
    assert.equal(retries.budgetTokens, 0);
  });

  it("earn the budget back slowly: each success returns a tenth of a token", async () => {
    const policies = new CallPolicies("payments", { ...retriesAlone, budget: { capacity: 5, refillPerSuccess: 0.1 } });
    await timed(
      policies.execute(async () => Promise.reject(serverError()), { retryable: true }).catch(() => undefined),
    );
    assert.equal(policies.state().retries.budgetTokens, 3);
    for (let call = 0; call < 10; call++) await timed(policies.execute(async () => "ok", { retryable: true }));
    assert.equal(policies.state().retries.budgetTokens, 4);
  });

  it("never happen for a call that is not safe to repeat", async () => {
    const policies = new CallPolicies("payments", retriesAlone);
    let tries = 0;
    const failed = timed(policies.execute(async () => Promise.reject((tries++, serverError())), { retryable: false }));
    await assert.rejects(failed, ExternalAPIError);
    assert.equal(tries, 1);
  });

  it("never happen for a 4xx, which also leaves the breaker closed", async () => {
    const policies = new CallPolicies("payments", PAYMENT_CALL_POLICIES);
    let tries = 0;
    for (let call = 0; call < 10; call++) {
      const clientError = new ExternalAPIError("payments", 422, "answered 422");
      await timed(policies.execute(async () => Promise.reject((tries++, clientError)), { retryable: true })).catch(
        () => undefined,
      );
    }
    assert.equal(tries, 10);
    assert.equal(policies.state().breaker.state, "closed");
  });
});
