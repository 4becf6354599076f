import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";

// The real wiring from main.ts on a free port, spoken to over real HTTP.
let server: RunningServer;
let base: string;

before(async () => {
  server = await startServer({ port: 0 });
  base = server.url;
});

after(async () => {
  await server.shutdown();
});

test("the service answers health checks and places, confirms and lists an order over HTTP", async () => {
  assert.equal((await fetch(`${base}/health/live`)).status, 200);
  assert.equal((await fetch(`${base}/health/ready`)).status, 200);

  const placed = await fetch(`${base}/orders`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ customerId: "c-1", lines: [{ productId: "p-1", quantity: 2 }] }),
  });
  assert.equal(placed.status, 201);
  const { id } = (await placed.json()) as { id: string };
  const etag = placed.headers.get("etag");
  assert.equal(etag, '"1"');
  const confirmed = await fetch(`${base}/orders/${id}/confirm`, { method: "POST", headers: { "If-Match": etag } });
  assert.equal(confirmed.status, 200);

  const { events } = (await (await fetch(`${base}/events`)).json()) as { events: { type: string }[] };
  assert.deepEqual(
    events.map((e) => e.type),
    ["OrderPlaced", "OrderConfirmed"],
  );
});
