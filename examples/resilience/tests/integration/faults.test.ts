import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { fakeTime, timed } from "../fakes/fake-time.ts";
import { testServices } from "../fakes/services.ts";

// One test per fault in the README's things to try, through both services as main.ts wires them, on a
// fake clock. Each one fails if the policy it shows is taken out of src/infrastructure/payment-call-policies.ts.
describe("faults on payments, and what orders' policies make of them", () => {
  beforeEach(() => fakeTime.install());
  afterEach(() => fakeTime.uninstall());

  it("error rate 100%: the breaker opens, and answers turn to fast 503s with Retry-After that never reach payments", async () => {
    const shop = testServices();
    await shop.setFaults({ errorRate: 1 });

    // The first orders fail the slow way: three tries each, with backoff waits in between.
    const first = await timed(shop.placeOrder());
    assert.equal(first.value.status, 503);
    assert.ok(first.elapsedMs > 0, "the first failure waited for its retries");
    await timed(shop.placeOrder());
    assert.equal(shop.policies.state().breaker.state, "open");

    // Now the breaker answers for payments: at once, without a call, with when to come back.
    const reached = shop.payments.received();
    const fast = await timed(shop.placeOrder());
    assert.equal(fast.value.status, 503);
    assert.equal(fast.elapsedMs, 0, "an open breaker answers without waiting");
    assert.equal(shop.payments.received(), reached, "an open breaker does not call payments");
    const retryAfter = Number(fast.value.headers.get("Retry-After"));
    assert.ok(retryAfter >= 1 && retryAfter <= 10, `Retry-After ${retryAfter} is the time left until half-open`);
    const problem = (await fast.value.json()) as { type: string };
    assert.equal(problem.type, "https://backend-field-guide.dev/reference/problems/#service-unavailable");
    assert.equal(shop.orders.size, 0, "no order was stored for a charge that never happened");
  });

  it("payments down: refused connections count as failures too, and the breaker opens", async () => {
    const shop = testServices();
    await shop.setFaults({ down: true });
    await timed(shop.placeOrder());
    await timed(shop.placeOrder());
    const fast = await timed(shop.placeOrder());
    assert.equal(fast.value.status, 503);
    assert.equal(fast.elapsedMs, 0);
    assert.equal(shop.policies.state().breaker.state, "open");
  });

  it("wait for half-open: after 10 s one trial call goes through, and a healthy answer closes the breaker", async () => {
    const shop = testServices();
    await shop.setFaults({ errorRate: 1 });
    await timed(shop.placeOrder());
    await timed(shop.placeOrder());
    assert.equal(shop.policies.state().breaker.state, "open");

    await shop.setFaults({ errorRate: 0 });
    assert.equal((await timed(shop.placeOrder())).value.status, 503, "still open: payments is left alone");
    await fakeTime.advance(10_000, 250);
    const trial = await timed(shop.placeOrder());
    assert.equal(trial.value.status, 201);
    assert.equal(shop.policies.state().breaker.state, "closed");
  });

  it("a failed trial call opens the breaker again for another 10 s", async () => {
    const shop = testServices();
    await shop.setFaults({ errorRate: 1 });
    await timed(shop.placeOrder());
    await timed(shop.placeOrder());
    await fakeTime.advance(10_000, 250);
    const trial = await timed(shop.placeOrder());
    assert.equal(trial.value.status, 503);
    assert.equal(shop.policies.state().breaker.state, "open");
    assert.equal(shop.policies.state().breaker.retryAfterSeconds, 10);
  });

  it("latency beyond the timeout: each try gives up after 1 s, the order fails within its 3 s deadline, nothing is charged", async () => {
    const shop = testServices();
    await shop.setFaults({ latencyMs: 5000 });
    const slow = await timed(shop.placeOrder());
    assert.equal(slow.value.status, 503);
    assert.ok(slow.elapsedMs >= 1000 && slow.elapsedMs <= 3000, `answered after ${slow.elapsedMs} ms, not 5000`);
    assert.ok(shop.policies.state().timeouts.timedOut >= 2);
    // Deadline propagation: payments was told how long orders would wait, and gave up with it.
    await fakeTime.advance(5000, 250);
    assert.deepEqual(shop.payments.charges(), []);
  });

  it("flood: the bulkhead runs 4 calls and queues 4; the rest are shed at once with 503 and Retry-After: 1", async () => {
    const shop = testServices();
    await shop.setFaults({ latencyMs: 500 });
    const outcomes: (number | undefined)[] = Array.from({ length: 12 }, () => undefined);
    const flood = Array.from({ length: 12 }, (_, index) =>
      shop.placeOrder().then((response) => {
        outcomes[index] = response.status;
        return response;
      }),
    );
    await fakeTime.settle();

    const shed = outcomes.filter((status) => status === 503);
    assert.equal(shed.length, 4, "four callers are told at once that payments is saturated");
    const state = shop.policies.state().bulkhead;
    assert.deepEqual([state.active, state.queued, state.shed], [4, 4, 4]);
    const firstShed = (await timed(Promise.all(flood))).value.find((response) => response.status === 503);
    assert.equal(firstShed?.headers.get("Retry-After"), "1");
    assert.deepEqual(
      outcomes.filter((status) => status === 201),
      Array.from({ length: 8 }, () => 201),
    );
  });

  it("one failed try is retried with the same Idempotency-Key, and payments charges once", async () => {
    const rolls = [0, 0.99]; // the first charge fails, the retry succeeds
    const shop = testServices({ random: () => rolls.shift() ?? 0.99 });
    await shop.setFaults({ errorRate: 0.5 });
    const placed = await timed(shop.placeOrder());
    assert.equal(placed.value.status, 201);
    assert.equal(shop.payments.received(), 2);
    assert.equal(shop.payments.charges().length, 1);
    assert.equal(shop.policies.state().retries.spent, 1);
  });

  it("payments down: an order's payment is still shown, from orders' own record, and says so", async () => {
    const shop = testServices();
    const placed = (await (await shop.placeOrder()).json()) as { id: string; paymentId: string };
    const live = await shop.app.request(`/orders/${placed.id}/payment`);
    assert.deepEqual(await live.json(), {
      orderId: placed.id,
      paymentId: placed.paymentId,
      amount: { currency: "EUR", minorUnits: 4900 },
      status: "captured",
      source: "payments",
    });

    await shop.setFaults({ down: true });
    const degraded = await timed(Promise.resolve(shop.app.request(`/orders/${placed.id}/payment`)));
    assert.equal(degraded.value.status, 200, "a degraded answer instead of a 503");
    const body = (await degraded.value.json()) as { status: string; source: string; amount: unknown };
    assert.deepEqual([body.status, body.source], ["unknown", "orders"]);
    assert.deepEqual(body.amount, { currency: "EUR", minorUnits: 4900 });
  });
});
