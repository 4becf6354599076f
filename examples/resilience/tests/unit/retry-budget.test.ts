import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RetryBudget } from "../../src/infrastructure/retry-budget.ts";

describe("RetryBudget", () => {
  it("allows `capacity` retries, then none until successes earn tokens back", () => {
    const budget = new RetryBudget({ capacity: 2, refillPerSuccess: 0.5 });
    budget.spend();
    budget.spend();
    assert.equal(budget.canRetry(), false);
    budget.recordSuccess();
    assert.equal(budget.canRetry(), false, "half a token is not a retry");
    budget.recordSuccess();
    assert.equal(budget.canRetry(), true);
  });

  it("never holds more than its capacity, nor less than nothing", () => {
    const budget = new RetryBudget({ capacity: 2, refillPerSuccess: 1 });
    for (let i = 0; i < 5; i++) budget.recordSuccess();
    assert.equal(budget.tokens, 2);
    for (let i = 0; i < 5; i++) budget.spend();
    assert.equal(budget.tokens, 0);
  });
});
