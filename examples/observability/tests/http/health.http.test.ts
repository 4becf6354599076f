import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTestApp } from "./test-app.ts";

type Report = { status: string; version: string; uptimeSeconds: number; checks: Record<string, { status: string }> };

describe("health", () => {
  it("is healthy with every component up, and reports version and uptime", async () => {
    const { app } = await buildTestApp();
    const response = await app.request("/health/ready");
    assert.equal(response.status, 200);
    const report = (await response.json()) as Report;
    assert.equal(report.status, "healthy");
    assert.equal(report.version, "1.0.0");
    assert.equal(typeof report.uptimeSeconds, "number");
    assert.deepEqual(Object.keys(report.checks), ["server", "database", "cache"]);
  });

  it("is degraded, still 200, when the cache is down: the service serves, slower", async () => {
    const { app } = await buildTestApp({ outages: { database: false, cache: true } });
    const response = await app.request("/health/ready");
    assert.equal(response.status, 200);
    const report = (await response.json()) as Report;
    assert.equal(report.status, "degraded");
    assert.equal(report.checks.cache?.status, "down");
    assert.equal((await app.request("/products/p-1")).status, 200);
  });

  it("is unhealthy, 503, when the database is down; /health/live stays 200", async () => {
    const { app } = await buildTestApp({ outages: { database: true, cache: false } });
    const response = await app.request("/health/ready");
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as Report).status, "unhealthy");
    assert.equal((await app.request("/health/live")).status, 200);
  });

  it("turns degraded and back when the cache is switched off and on over /_guide/outages", async () => {
    const { app } = await buildTestApp();
    const off = await app.request("/_guide/outages", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ cache: true }),
    });
    assert.deepEqual(await off.json(), { database: false, cache: true });
    assert.equal(((await (await app.request("/health/ready")).json()) as Report).status, "degraded");
    await app.request("/_guide/outages", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ cache: false }),
    });
    assert.equal(((await (await app.request("/health/ready")).json()) as Report).status, "healthy");
  });
});
