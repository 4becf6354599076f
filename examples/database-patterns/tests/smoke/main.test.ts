import assert from "node:assert/strict";
import { test } from "node:test";
import { startServer } from "../../src/main.ts";

// The real wiring of main.ts (PGlite, migrations at start, seed data) on a free port, over real HTTP.
test(
  "main.ts migrates, seeds and serves; SIGTERM-style shutdown turns readiness off and closes",
  { timeout: 60_000 },
  async () => {
    const server = await startServer({ port: 0, hostname: "127.0.0.1" });
    try {
      assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);
      const orders = await fetch(`${server.url}/orders?lines=per-order&limit=3`);
      assert.equal(orders.status, 200);
      assert.equal(orders.headers.get("X-Query-Count"), "4");
    } finally {
      await server.shutdown();
    }
    await assert.rejects(fetch(`${server.url}/health/live`));
  },
);
