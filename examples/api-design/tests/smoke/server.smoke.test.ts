import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";

describe("main.ts wires a working server", () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, hostname: "127.0.0.1" });
  });
  after(() => server.shutdown());

  it("answers health, serves /openapi.json and a seeded product over real HTTP", async () => {
    const live = await fetch(`${server.url}/health/live`);
    assert.equal(live.status, 200);
    const openapi = await fetch(`${server.url}/openapi.json`);
    assert.equal(((await openapi.json()) as { openapi: string }).openapi, "3.1.0");
    const product = await fetch(`${server.url}/v2/products/p-1`);
    assert.equal(product.headers.get("ETag"), '"0"');
  });

  it("places an order once for two POSTs with one Idempotency-Key", async () => {
    const post = () =>
      fetch(`${server.url}/v2/orders`, {
        method: "POST",
        headers: {
          Authorization: "Bearer token-c-2",
          "Idempotency-Key": "smoke-1",
          "Content-Type": "application/json",
        },
        body: JSON.stringify({ lines: [{ productId: "p-1", quantity: 1 }] }),
      });
    const first = (await (await post()).json()) as { id: string };
    const second = (await (await post()).json()) as { id: string };
    assert.equal(second.id, first.id);
  });
});
