import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IdempotencyStore } from "../../src/application/ports/idempotency-store.port.ts";

const response = { status: 201, headers: { location: "/v2/orders/o-9" }, body: '{"id":"o-9"}' };
const at = (ms: number) => new Date(Date.UTC(2026, 11, 1) + ms);

/**
 * What every IdempotencyStore promises, run against each adapter. `make(ttlMs)` returns a fresh, empty store;
 * `skip` names why an adapter cannot run here.
 */
export function describeIdempotencyStoreContract(
  name: string,
  make: (ttlMs: number) => Promise<IdempotencyStore>,
  skip?: string,
): void {
  describe(`${name}: the IdempotencyStore contract`, { skip }, () => {
    it("claims a new key once; the same fingerprint is in flight until completed, then replayed", async () => {
      const store = await make(60_000);
      assert.deepEqual(await store.begin("k1", "f1", at(0)), { kind: "claimed" });
      assert.deepEqual(await store.begin("k1", "f1", at(1)), { kind: "in-flight" });
      await store.complete("k1", response);
      assert.deepEqual(await store.begin("k1", "f1", at(3)), { kind: "completed", response });
    });

    it("reports another fingerprint under a known key as a mismatch, in flight or done", async () => {
      const store = await make(60_000);
      await store.begin("k2", "f1", at(0));
      assert.deepEqual(await store.begin("k2", "f2", at(1)), { kind: "mismatch" });
      await store.complete("k2", response);
      assert.deepEqual(await store.begin("k2", "f2", at(3)), { kind: "mismatch" });
    });

    it("lets a released key be claimed again, and forgets a key after its time to live", async () => {
      const store = await make(1000);
      await store.begin("k3", "f1", at(0));
      await store.release("k3");
      assert.deepEqual(await store.begin("k3", "f2", at(1)), { kind: "claimed" });
      await store.complete("k3", response);
      assert.deepEqual(await store.begin("k3", "f3", at(1001)), { kind: "claimed" });
    });

    it("lets exactly one of two racing claims win", async () => {
      const store = await make(60_000);
      const claims = await Promise.all([store.begin("k4", "f1", at(0)), store.begin("k4", "f1", at(0))]);
      assert.deepEqual(claims.map((claim) => claim.kind).sort(), ["claimed", "in-flight"]);
    });
  });
}
