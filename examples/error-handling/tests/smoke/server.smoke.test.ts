import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";
import { InMemoryLogger } from "../fakes/in-memory-logger.ts";

// The real wiring from main.ts on a free port, spoken to over real HTTP.
describe("the running service", () => {
  const logger = new InMemoryLogger();
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, hostname: "127.0.0.1", logger, outages: { database: false, cache: false } });
  });
  after(() => server.shutdown());

  it("is live and ready", async () => {
    assert.equal((await fetch(`${server.url}/health/live`)).status, 200);
    assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);
  });

  it("places an order and serves it back", async () => {
    const created = await fetch(`${server.url}/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ lines: [{ productId: "p-1", quantity: 1 }] }),
    });
    assert.equal(created.status, 201);
    assert.equal((await fetch(`${server.url}${created.headers.get("Location")}`)).status, 200);
  });

  it("turns the unreachable warehouse into a 503 problem and one error log line", async () => {
    const response = await fetch(`${server.url}/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Request-Id": "smoke-1" },
      body: JSON.stringify({ lines: [{ productId: "p-flaky", quantity: 1 }] }),
    });
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { requestId: string }).requestId, "smoke-1");
    const logged = logger.entries.filter((entry) => entry.fields.requestId === "smoke-1");
    assert.deepEqual(
      logged.map((entry) => entry.event),
      ["request.failed"],
    );
  });

  it("starts unready when the database is down, and stops accepting connections after shutdown", async () => {
    const degraded = await startServer({
      port: 0,
      hostname: "127.0.0.1",
      logger,
      outages: { database: true, cache: false },
    });
    assert.equal((await fetch(`${degraded.url}/health/ready`)).status, 503);
    await degraded.shutdown();
    await assert.rejects(fetch(`${degraded.url}/health/live`));
  });
});
