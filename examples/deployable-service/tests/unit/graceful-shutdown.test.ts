import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { shutDownGracefully, type ShutdownPlan } from "../../src/graceful-shutdown.ts";

/** A plan whose every step writes what it did into `steps`. */
function recordingPlan(overrides: Partial<ShutdownPlan> = {}) {
  const steps: string[] = [];
  const closing = (name: string) => ({ name, close: () => void steps.push(`close ${name}`) });
  const plan: ShutdownPlan = {
    markNotReady: () => void steps.push("readiness 503"),
    drainDelayMs: 5000,
    sleep: async (ms) => void steps.push(`drain ${ms} ms`),
    closeServer: async () => void steps.push("stop accepting, finish in-flight"),
    consumers: [closing("order-events consumer")],
    caches: [closing("redis")],
    databases: [closing("postgres pool")],
    log: () => undefined,
    ...overrides,
  };
  return { plan, steps };
}

describe("graceful shutdown", () => {
  it("runs the steps in the order that loses no request", async () => {
    const { plan, steps } = recordingPlan();
    await shutDownGracefully(plan);
    assert.deepEqual(steps, [
      "readiness 503",
      "drain 5000 ms",
      "stop accepting, finish in-flight",
      "close order-events consumer",
      "close redis",
      "close postgres pool",
    ]);
  });

  it("skips the wait when the drain delay is 0", async () => {
    const { plan, steps } = recordingPlan({ drainDelayMs: 0 });
    await shutDownGracefully(plan);
    assert.equal(steps[1], "stop accepting, finish in-flight");
  });

  it("stops at a step that fails, so the program exits non-zero with the database still untouched", async () => {
    const { plan, steps } = recordingPlan();
    const failing = { ...plan, caches: [{ name: "redis", close: () => Promise.reject(new Error("redis hung up")) }] };
    await assert.rejects(shutDownGracefully(failing), /redis hung up/);
    assert.equal(steps.includes("close postgres pool"), false);
  });
});
