import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";
import { captureLogs } from "../fakes/log-capture.ts";

// The real wiring from main.ts on a free port, spoken to over real HTTP.
describe("the running service", () => {
  const logs = captureLogs();
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, hostname: "127.0.0.1", logDestination: logs.destination });
  });
  after(() => server.shutdown());

  it("is live and ready", async () => {
    assert.equal((await fetch(`${server.url}/health/live`)).status, 200);
    assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);
  });

  it("places an order, echoing the request id and a traceparent, and logs it under that id", async () => {
    const created = await fetch(`${server.url}/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Request-Id": "smoke-1" },
      body: JSON.stringify({ lines: [{ productId: "p-1", quantity: 1 }] }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get("X-Request-Id"), "smoke-1");
    assert.match(created.headers.get("traceparent") ?? "", /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    assert.deepEqual(
      logs.forRequest("smoke-1").map((line) => line.event),
      ["request.completed"],
    );
  });

  it("serves /metrics in Prometheus's text format", async () => {
    const response = await fetch(`${server.url}/metrics`);
    assert.match(response.headers.get("Content-Type") ?? "", /^text\/plain; version=0\.0\.4/);
    assert.match(await response.text(), /^http_requests_total\{method="POST",route="\/orders",status="201"\} 1$/m);
  });

  it("starts unhealthy when the database is down, and stops accepting connections after shutdown", async () => {
    const down = await startServer({
      port: 0,
      hostname: "127.0.0.1",
      logDestination: logs.destination,
      outages: { database: true, cache: false },
    });
    assert.equal((await fetch(`${down.url}/health/ready`)).status, 503);
    await down.shutdown();
    await assert.rejects(fetch(`${down.url}/health/live`));
  });
});
