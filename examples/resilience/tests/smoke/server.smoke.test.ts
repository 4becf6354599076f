import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";

// The real wiring from main.ts on a free port, spoken to over real HTTP.
describe("the running services", () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer({ port: 0, hostname: "127.0.0.1" });
  });
  after(() => server.shutdown());

  it("is live and ready", async () => {
    assert.equal((await fetch(`${server.url}/health/live`)).status, 200);
    assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);
  });

  it("places an order that orders pays for through payments, and serves it back", async () => {
    const created = await fetch(`${server.url}/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ customerId: "c-1", lines: [{ productId: "p-2", quantity: 1 }] }),
    });
    assert.equal(created.status, 201);
    const fetched = await fetch(`${server.url}${created.headers.get("Location")}`);
    const order = (await created.json()) as { id: string };
    assert.deepEqual(await fetched.json(), order);
    const charges = (await (await fetch(`${server.url}/payments/charges`)).json()) as { items: { orderId: string }[] };
    assert.equal(charges.items.filter((charge) => charge.orderId === order.id).length, 1);
  });

  it("starts with the seed order o-1, paid as pay-1 on both sides", async () => {
    const payment = await fetch(`${server.url}/orders/o-1/payment`);
    assert.equal(payment.status, 200);
    assert.deepEqual(await payment.json(), {
      orderId: "o-1",
      paymentId: "pay-1",
      amount: { currency: "EUR", minorUnits: 2450 },
      status: "captured",
      source: "payments",
    });
  });

  it("stops accepting connections after shutdown", async () => {
    const other = await startServer({ port: 0, hostname: "127.0.0.1" });
    assert.equal((await fetch(`${other.url}/health/live`)).status, 200);
    await other.shutdown();
    await assert.rejects(fetch(`${other.url}/health/live`));
  });
});
