import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InMemoryIdempotencyStore } from "../../src/infrastructure/in-memory-idempotency.store.ts";

const response = { status: 201, headers: { location: "/v2/orders/o-9" }, body: '{"id":"o-9"}' };
const at = (ms: number) => new Date(Date.UTC(2026, 11, 1) + ms);

describe("InMemoryIdempotencyStore: the IdempotencyStore contract", () => {
  it("claims a new key once; the same fingerprint is in flight until completed, then replayed", async () => {
    const store = new InMemoryIdempotencyStore();
    assert.deepEqual(await store.begin("k", "f1", at(0)), { kind: "claimed" });
    assert.deepEqual(await store.begin("k", "f1", at(1)), { kind: "in-flight" });
    await store.complete("k", response);
    assert.deepEqual(await store.begin("k", "f1", at(3)), { kind: "completed", response });
  });

  it("reports another fingerprint under a known key as a mismatch, in flight or done", async () => {
    const store = new InMemoryIdempotencyStore();
    await store.begin("k", "f1", at(0));
    assert.deepEqual(await store.begin("k", "f2", at(1)), { kind: "mismatch" });
    await store.complete("k", response);
    assert.deepEqual(await store.begin("k", "f2", at(3)), { kind: "mismatch" });
  });

  it("lets a released key be claimed again, and forgets a key after its time to live", async () => {
    const store = new InMemoryIdempotencyStore({ ttlMs: 1000 });
    await store.begin("k", "f1", at(0));
    await store.release("k");
    assert.deepEqual(await store.begin("k", "f2", at(1)), { kind: "claimed" });
    await store.complete("k", response);
    assert.deepEqual(await store.begin("k", "f3", at(1001)), { kind: "claimed" });
  });
});
