import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseConfig } from "../../src/config.ts";
import { startServer, type RunningServer } from "../../src/main.ts";

// The real wiring from main.ts on a free port, spoken to over real HTTP.
describe("the running service", () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, hostname: "127.0.0.1" });
  });
  after(() => server.shutdown());

  it("is live and ready, with no dependency configured", async () => {
    assert.equal((await fetch(`${server.url}/health/live`)).status, 200);
    const ready = await fetch(`${server.url}/health/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: "ready", checks: [] });
  });

  it("creates an order from the seed data and serves it back", async () => {
    const created = await fetch(`${server.url}/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customerId: "c-1", lines: [{ productId: "p-2", quantity: 1 }] }),
    });
    assert.equal(created.status, 201);
    const fetched = await fetch(`${server.url}${created.headers.get("Location")}`);
    assert.equal(fetched.status, 200);
    assert.deepEqual(await fetched.json(), await created.json());
  });

  it("answers readiness 503 while it drains, then stops accepting connections", async () => {
    const other = await startServer({ port: 0, hostname: "127.0.0.1", config: parseConfig({ DRAIN_DELAY_MS: "300" }) });
    const lines: string[] = [];
    const stopping = other.shutdown((line) => lines.push(line));
    assert.equal((await fetch(`${other.url}/health/ready`)).status, 503);
    assert.equal((await fetch(`${other.url}/health/live`)).status, 200, "still serving while load balancers catch up");
    await stopping;
    await assert.rejects(fetch(`${other.url}/health/live`));
    assert.deepEqual(lines.at(-1), "shutdown complete");
  });
});
