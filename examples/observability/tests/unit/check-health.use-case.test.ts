import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CheckHealthUseCase, type ComponentCheck } from "../../src/application/use-cases/check-health.use-case.ts";

const up = async () => {};
const down = async () => {
  throw new Error("connection refused");
};
const hangs = () => new Promise<void>(() => {});

function checkWith(checks: ComponentCheck[], timeoutMs = 50) {
  return new CheckHealthUseCase({ checks, timeoutMs, version: "9.9.9" }).execute();
}

describe("CheckHealthUseCase", () => {
  it("is healthy when all are up, degraded when only a non-critical one is down, unhealthy when a critical one is", async () => {
    const database = (check: () => Promise<void>) => ({ name: "database", critical: true, check });
    const cache = (check: () => Promise<void>) => ({ name: "cache", critical: false, check });
    assert.equal((await checkWith([database(up), cache(up)])).status, "healthy");
    assert.equal((await checkWith([database(up), cache(down)])).status, "degraded");
    assert.equal((await checkWith([database(down), cache(up)])).status, "unhealthy");
  });

  it("gives each check its own timeout", async () => {
    const report = await checkWith([
      { name: "hangs", critical: false, check: hangs },
      { name: "answers", critical: false, check: up },
    ]);
    assert.equal(report.checks.hangs?.status, "down");
    assert.match(report.checks.hangs?.error ?? "", /no answer within 50 ms/);
    assert.equal(report.checks.answers?.status, "up");
  });

  it("runs the checks in parallel: each one here answers only once all three have started", async () => {
    let started = 0;
    let allStarted: () => void = () => {};
    const barrier = new Promise<void>((resolve) => (allStarted = resolve));
    const check = () => {
      if (++started === 3) allStarted();
      return barrier;
    };
    const report = await checkWith(
      ["a", "b", "c"].map((name) => ({ name, critical: true, check })),
      1000,
    );
    assert.equal(report.status, "healthy");
  });
});
