import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CheckReadinessUseCase } from "../../src/application/use-cases/check-readiness.use-case.ts";
import { FakeDependencyCheck } from "../fakes/fake-dependency-check.ts";

function readiness(checks: FakeDependencyCheck[], shuttingDown = false) {
  return new CheckReadinessUseCase({ checks, timeoutMs: 50, isShuttingDown: () => shuttingDown });
}

describe("readiness", () => {
  it("is ready when every dependency answers", async () => {
    const report = await readiness([new FakeDependencyCheck("database", true)]).execute();
    assert.equal(report.ready, true);
    assert.deepEqual(report.checks, [{ name: "database", required: true, status: "up" }]);
  });

  it("is not ready when a required dependency is down, and says which", async () => {
    const database = new FakeDependencyCheck("database", true);
    database.state = "down";
    const report = await readiness([database]).execute();
    assert.equal(report.ready, false);
    assert.equal(report.checks[0]?.detail, "database refused the connection");
  });

  it("stays ready when only an optional dependency (the cache) is down", async () => {
    const cache = new FakeDependencyCheck("cache", false);
    cache.state = "down";
    const report = await readiness([new FakeDependencyCheck("database", true), cache]).execute();
    assert.equal(report.ready, true);
    assert.equal(report.checks[1]?.status, "down");
  });

  it("counts a dependency that does not answer within the timeout as down", async () => {
    const broker = new FakeDependencyCheck("broker", true);
    broker.state = "hang";
    const report = await readiness([broker]).execute();
    assert.equal(report.ready, false);
    assert.equal(report.checks[0]?.detail, "no answer within 50 ms");
  });

  it("is not ready while shutting down, without asking the dependencies", async () => {
    const database = new FakeDependencyCheck("database", true);
    const report = await readiness([database], true).execute();
    assert.deepEqual(report, { ready: false, shuttingDown: true, checks: [] });
    assert.equal(database.calls, 0);
  });
});
