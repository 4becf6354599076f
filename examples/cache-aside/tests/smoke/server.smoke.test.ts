import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";

// The real wiring from main.ts (system clock, simulated database latency) on a free port, over real HTTP.
let server: RunningServer;

before(async () => {
  server = await startServer({ port: 0 });
});

after(async () => {
  await server.shutdown();
});

test("the service answers health checks, caches reads and invalidates on write", async () => {
  assert.equal((await fetch(`${server.url}/health/live`)).status, 200);
  assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);

  const cacheOf = async (path: string) => (await fetch(`${server.url}${path}`)).headers.get("x-cache");
  assert.equal(await cacheOf("/products/p-1"), "MISS");
  assert.equal(await cacheOf("/products/p-1"), "HIT");

  const updated = await fetch(`${server.url}/products/p-1`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ price: { currency: "EUR", minorUnits: 7900 } }),
  });
  assert.equal(updated.status, 200);
  assert.equal(await cacheOf("/products/p-1"), "MISS");

  const stats = (await (await fetch(`${server.url}/cache/stats`)).json()) as { hits: number; misses: number };
  assert.deepEqual([stats.hits, stats.misses], [1, 2]);
});

test("shutdown answers the request in flight, then refuses new connections", async () => {
  const other = await startServer({ port: 0 });
  const inFlight = fetch(`${other.url}/products/p-1`); // a MISS: it waits on the simulated database
  // Shut down only once the server is inside that request: its repository load has started.
  while (((await (await fetch(`${other.url}/cache/stats`)).json()) as { loads: number }).loads === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await other.shutdown();
  const answered = await inFlight;
  assert.equal(answered.status, 200);
  assert.equal(((await answered.json()) as { id: string }).id, "p-1");
  await assert.rejects(fetch(`${other.url}/health/live`));
});
