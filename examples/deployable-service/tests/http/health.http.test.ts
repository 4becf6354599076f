import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CheckReadinessUseCase } from "../../src/application/use-cases/check-readiness.use-case.ts";
import { FakeDependencyCheck } from "../fakes/fake-dependency-check.ts";
import { buildTestApp } from "./test-app.ts";

function appWithDatabase() {
  const database = new FakeDependencyCheck("database", true);
  let shuttingDown = false;
  const readiness = new CheckReadinessUseCase({
    checks: [database],
    timeoutMs: 50,
    isShuttingDown: () => shuttingDown,
  });
  const { app } = buildTestApp({ checkReadiness: () => readiness.execute() });
  return { app, database, startShutdown: () => (shuttingDown = true) };
}

describe("health endpoints", () => {
  it("answers /health/ready 200 with each check while the database is up", async () => {
    const response = await appWithDatabase().app.request("/health/ready");
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      status: "ready",
      checks: [{ name: "database", required: true, status: "up" }],
    });
  });

  it("answers /health/ready 503 while the database is down, but /health/live stays 200", async () => {
    const { app, database } = appWithDatabase();
    database.state = "down";
    const ready = await app.request("/health/ready");
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as { status: string }).status, "not ready");
    assert.equal((await app.request("/health/live")).status, 200);
  });

  it("answers /health/ready 503 once shutdown starts", async () => {
    const { app, startShutdown } = appWithDatabase();
    startShutdown();
    const ready = await app.request("/health/ready");
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as { status: string }).status, "shutting down");
  });
});
