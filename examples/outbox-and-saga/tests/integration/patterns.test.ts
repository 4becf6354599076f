import { PGlite } from "@electric-sql/pglite";
import assert from "node:assert/strict";
import { after, beforeEach, describe, test } from "node:test";
import type { EventEnvelope } from "../../src/application/integration-events.ts";
import type { Consumer, MessageBroker, Subscription } from "../../src/application/ports/message-broker.port.ts";
import type { SagaStore } from "../../src/application/ports/saga.store.port.ts";
import { SimulatedRelayCrash } from "../../src/infrastructure/faults/fault-injecting-broker.ts";
import { OutboxRelay } from "../../src/infrastructure/outbox-relay.ts";
import { runMigrations } from "../../src/infrastructure/postgres/run-migrations.ts";
import { startServer } from "../../src/main.ts";
import { LEASE_MS, openShop } from "../fakes/shop.ts";

// PGlite takes a few seconds to start, so this file opens ONE database for every test that needs
// Postgres (each empties the tables first) and ends with the smoke test of main.ts, which closes it.
// It opens at the top level, outside any test's timeout: on a busy machine start-up alone can take seconds.
const db = await PGlite.create();
await runMigrations(db);
let shop: Awaited<ReturnType<typeof openShop>>;

after(async () => {
  if (!db.closed) await db.close();
});

const KEYBOARDS = [{ productId: "p-1", quantity: 2 }];

describe("transactional outbox", () => {
  beforeEach(async () => {
    shop = await openShop(db);
  });

  test("placing an order stores the order and its order.placed row together, and publishes nothing yet", async () => {
    const order = await shop.place(KEYBOARDS);
    assert.equal(order.status, "pending");
    const rows = await shop.outbox();
    assert.deepEqual(
      rows.map((row) => [row.type, row.status]),
      [["order.placed", "pending"]],
    );
    assert.equal(shop.inProcess.published.length, 0);
  });

  test("a refused order leaves neither an order nor an outbox row", async () => {
    await assert.rejects(shop.place([...KEYBOARDS, { productId: "p-404", quantity: 1 }]), /p-404 does not exist/);
    assert.equal(await shop.count("SELECT count(*) AS n FROM orders"), 0);
    assert.equal((await shop.outbox()).length, 0);
  });

  test("the relay publishes pending rows in order with the catalog's wire format, and marks them sent", async () => {
    const first = await shop.place(KEYBOARDS);
    const second = await shop.place([{ productId: "p-2", quantity: 1 }]);
    assert.deepEqual(await shop.relayAndDeliver(), { sent: 2, parked: 0 });
    const published = shop.published("order.placed") as (EventEnvelope & { orderId: string; subtotal: unknown })[];
    assert.deepEqual(
      published.map((message) => message.orderId),
      [first.id, second.id],
    );
    assert.equal(published[0]?.version, 1);
    assert.deepEqual(published[0]?.subtotal, { currency: "EUR", minorUnits: 17800 });
    assert.ok((await shop.outbox()).every((row) => row.status === "sent"));
    assert.deepEqual(await shop.relayAndDeliver(), { sent: 0, parked: 0 });
  });

  test("poison rows (unknown type, payload that breaks its schema) are parked with the reason; later rows still go", async () => {
    await db.query("INSERT INTO outbox (message_id, type, payload) VALUES ($1, $2, $3)", [
      crypto.randomUUID(),
      "order.teleported",
      JSON.stringify({ type: "order.teleported", version: 1 }),
    ]);
    await db.query("INSERT INTO outbox (message_id, type, payload) VALUES ($1, $2, $3)", [
      crypto.randomUUID(),
      "order.placed",
      JSON.stringify({ type: "order.placed", version: 1, id: crypto.randomUUID(), occurredAt: "yesterday" }),
    ]);
    await shop.place(KEYBOARDS);
    assert.deepEqual(await shop.relayAndDeliver(), { sent: 1, parked: 2 });
    const rows = await shop.outbox();
    assert.deepEqual(
      rows.map((row) => row.status),
      ["parked", "parked", "sent"],
    );
    assert.match(rows[0]?.parkedReason ?? "", /unknown event type "order.teleported"/);
    assert.match(rows[1]?.parkedReason ?? "", /does not match its schema/);
    // Parked rows are not retried: the next run has nothing to do.
    assert.deepEqual(await shop.relayAndDeliver(), { sent: 0, parked: 0 });
  });

  test("two relays at once never publish the same row twice: the claim (a lease, taken with SKIP LOCKED) keeps the second off it", async () => {
    await shop.place(KEYBOARDS);
    await shop.place([{ productId: "p-2", quantity: 1 }]);
    const gate = new GatedBroker();
    const relayA = new OutboxRelay({ db, broker: gate, clock: shop.clock }, { leaseMs: LEASE_MS });
    const relayB = new OutboxRelay({ db, broker: gate, clock: shop.clock }, { leaseMs: LEASE_MS });
    const runA = relayA.runOnce();
    await gate.reached(1); // A has claimed its batch and is waiting for the broker's confirm
    const runB = relayB.runOnce();
    const bFoundWork = await Promise.race([runB.then(() => false), gate.reached(2).then(() => true)]);
    gate.open();
    await Promise.all([runA, runB]);
    assert.equal(bFoundWork, false, "the second relay tried to publish a row the first one holds");
    const ids = gate.published.map((message) => message.id);
    assert.equal(ids.length, 2);
    assert.equal(new Set(ids).size, 2);
  });
});

describe("idempotent consumer (inbox)", () => {
  beforeEach(async () => {
    shop = await openShop(db);
  });

  test("fault: deliver a message twice → one saga, and the inbox records the message once", async () => {
    shop.faults.set({ duplicateDeliveries: 1 });
    await shop.place(KEYBOARDS);
    await shop.relayAndDeliver();
    assert.equal(shop.published("order.placed").length, 2, "the broker delivered order.placed twice");
    assert.equal((await shop.sagas()).length, 1);
    assert.equal(await shop.count("SELECT count(*) AS n FROM processed_messages"), 1);
    await shop.sagaWorker().runDue();
    assert.equal(await shop.stock("p-1"), 8, "two keyboards reserved once");
  });

  test("fault: crash the relay mid-batch → nothing lost; the re-sent message is deduplicated", async () => {
    const orders = [await shop.place(KEYBOARDS), await shop.place(KEYBOARDS), await shop.place(KEYBOARDS)];
    shop.faults.set({ crashRelayAfter: 2 });
    await assert.rejects(shop.relayAndDeliver(), SimulatedRelayCrash);
    await shop.inProcess.whenIdle();
    assert.deepEqual(
      (await shop.outbox()).map((row) => row.status),
      ["sent", "pending", "pending"],
      "the second row was published but the crash came before it was marked sent",
    );
    assert.deepEqual(await shop.relayAndDeliver(), { sent: 0, parked: 0 }, "the crashed relay's lease still holds");
    shop.clock.advance(LEASE_MS + 1);
    assert.deepEqual(await shop.relayAndDeliver(), { sent: 2, parked: 0 });
    assert.equal(shop.published("order.placed").length, 4, "one message went out twice");
    const sagas = await shop.sagas();
    assert.deepEqual(sagas.map((saga) => saga.input.orderId).sort(), orders.map((order) => order.id).sort());
    await shop.sagaWorker().runDue();
    assert.equal(await shop.stock("p-1"), 4, "three orders of two keyboards, each reserved once");
  });
});

describe("checkout saga", () => {
  beforeEach(async () => {
    shop = await openShop(db);
  });

  test("happy path: reserve stock → charge payment → confirm; order.confirmed goes out through the outbox", async () => {
    const order = await shop.place(KEYBOARDS);
    await shop.relayAndDeliver();
    await shop.sagaWorker().runDue();
    const [saga] = await shop.sagas();
    assert.equal(saga?.status, "completed");
    assert.deepEqual(saga?.completedSteps, ["reserve-stock", "charge-payment", "confirm-order"]);
    assert.equal((await shop.order(order.id))?.status, "confirmed");
    assert.equal(await shop.stock("p-1"), 8);
    assert.equal(shop.payments.payments.length, 1);
    await shop.relayAndDeliver();
    assert.equal(shop.published("order.confirmed").length, 1);
  });

  test("fault: payment declined → compensation releases the stock and the order is cancelled", async () => {
    shop.faults.set({ declinePayments: true });
    const order = await shop.place(KEYBOARDS);
    await shop.relayAndDeliver();
    await shop.sagaWorker().runDue();
    const [saga] = await shop.sagas();
    assert.equal(saga?.status, "compensated");
    assert.match(saga?.failure ?? "", /^charge-payment: .*declined/);
    assert.deepEqual(
      saga?.log.map((entry) => `${entry.step} ${entry.outcome}`),
      ["reserve-stock done", "charge-payment failed", "release-stock done", "cancel-order done"],
    );
    assert.equal(await shop.stock("p-1"), 10, "the reservation was released");
    const cancelled = await shop.order(order.id);
    assert.equal(cancelled?.status, "cancelled");
    assert.equal(shop.payments.payments.length, 0);
    await shop.relayAndDeliver();
    assert.equal(shop.published("order.cancelled").length, 1);
  });

  test("out of stock: the failed reservation needs no release; the order is cancelled with the rule's reason", async () => {
    const order = await shop.place([{ productId: "p-4", quantity: 1 }]);
    await shop.relayAndDeliver();
    await shop.sagaWorker().runDue();
    const [saga] = await shop.sagas();
    assert.equal(saga?.status, "compensated");
    assert.match((await shop.order(order.id))?.cancellationReason ?? "", /p-4 has 0 in stock/);
  });

  test("fault: a failing compensation is retried with backoff, then parked for a person after the limit", async () => {
    shop.faults.set({ declinePayments: true, failReleases: 10 });
    await shop.place(KEYBOARDS);
    await shop.relayAndDeliver();
    const worker = shop.sagaWorker();
    assert.equal(await worker.runDue(), 1);
    let [saga] = await shop.sagas();
    assert.equal(saga?.status, "compensating");
    assert.equal(saga?.nextAttemptAt, new Date(shop.clock.now().getTime() + 100).toISOString());
    assert.equal(await worker.runDue(), 0, "not due before its backoff");
    shop.clock.advance(100);
    assert.equal(await worker.runDue(), 1);
    [saga] = await shop.sagas();
    assert.equal(saga?.nextAttemptAt, new Date(shop.clock.now().getTime() + 200).toISOString(), "the wait doubles");
    shop.clock.advance(200);
    await worker.runDue();
    [saga] = await shop.sagas();
    assert.equal(saga?.status, "failed");
    assert.match(saga?.failure ?? "", /^release-stock: gave up after 3 attempts: .*; needs a person$/);
    assert.equal(await shop.stock("p-1"), 8, "still reserved: a person decides");
    shop.clock.advance(60_000);
    assert.equal(await worker.runDue(), 0, "a parked saga is never retried on its own");
  });

  test("a restart resumes from the saved state; repeated steps change nothing thanks to idempotency keys", async () => {
    // The first worker "crashes" right after reserving stock, before it could save that the step was done.
    let crashes = 1;
    const crashingStore = (real: SagaStore): SagaStore => ({
      ...bind(real),
      save: async (state) => {
        if (crashes > 0 && state.completedSteps.includes("reserve-stock")) {
          crashes -= 1;
          throw new Error("process killed");
        }
        await real.save(state);
      },
    });
    shop = await openShop(db, { sagaStore: crashingStore });
    await shop.place(KEYBOARDS);
    await shop.relayAndDeliver();
    await assert.rejects(shop.sagaWorker().runDue(), /process killed/);
    assert.equal(await shop.stock("p-1"), 8);
    assert.equal((await shop.sagas())[0]?.status, "started");

    await shop.sagaWorker(shop.realStore).runDue(); // a new process: only the database is left
    const [saga] = await shop.sagas();
    assert.equal(saga?.status, "completed");
    assert.equal(await shop.stock("p-1"), 8, "the reservation was repeated under the same key, not taken twice");
    assert.equal(shop.payments.payments.length, 1);
  });
});

describe("HTTP", () => {
  beforeEach(async () => {
    shop = await openShop(db);
  });

  const post = (path: string, body: string, contentType = "application/json") =>
    shop.app.request(path, { method: "POST", body, headers: { "Content-Type": contentType } });

  test("POST /orders → 201 with Location and a pending order; GET /sagas/:id shows the steps once the saga ran", async () => {
    const response = await post("/orders", JSON.stringify({ customerId: "c-1", lines: KEYBOARDS }));
    assert.equal(response.status, 201);
    const order = (await response.json()) as { id: string; status: string };
    assert.equal(response.headers.get("location"), `/orders/${order.id}`);
    assert.equal(order.status, "pending");
    await shop.relayAndDeliver();
    await shop.sagaWorker().runDue();
    const [saga] = (await (await shop.app.request("/sagas")).json()) as { id: string }[];
    const view = (await (await shop.app.request(`/sagas/${saga?.id}`)).json()) as {
      status: string;
      steps: { name: string; status: string }[];
    };
    assert.equal(view.status, "completed");
    assert.deepEqual(
      view.steps.map((step) => `${step.name}:${step.status}`),
      ["reserve-stock:done", "charge-payment:done", "confirm-order:done"],
    );
  });

  test("POST /faults switches faults on and validates them; DELETE switches all off", async () => {
    const on = await post("/faults", JSON.stringify({ declinePayments: true }));
    assert.deepEqual(await on.json(), {
      declinePayments: true,
      failReleases: 0,
      crashRelayAfter: null,
      duplicateDeliveries: 0,
    });
    const bad = await post("/faults", JSON.stringify({ failReleases: -1, explode: true }));
    assert.equal(bad.status, 422);
    assert.equal(shop.faults.current.failReleases, 0);
    await shop.app.request("/faults", { method: "DELETE" });
    assert.equal(shop.faults.current.declinePayments, false);
  });

  test("bad input gets problem+json and stores nothing: 400, 415, 422 (schema and rule), 409 unknown product", async () => {
    const cases: [Response, number, string | undefined][] = [
      [await post("/orders", '{"customerId":"c-1","lines":['), 400, undefined],
      [await post("/orders", "customerId=c-1", "application/x-www-form-urlencoded"), 415, undefined],
      [await post("/orders", '{"customerId":"c-1","lines":[{"productId":"p-1","quantity":"2"}]}'), 422, undefined],
      [await post("/orders", '{"customerId":"c-1","lines":[{"productId":"p-1","quantity":0}]}'), 422, "quantity.range"],
      [await post("/orders", '{"customerId":"c-1","lines":[]}'), 422, "order.not-empty"],
      [
        await post("/orders", '{"customerId":"c-1","lines":[{"productId":"p-404","quantity":1}]}'),
        409,
        "order.known-products",
      ],
    ];
    for (const [response, status, rule] of cases) {
      assert.equal(response.status, status);
      assert.equal(response.headers.get("content-type"), "application/problem+json");
      const problem = (await response.json()) as { type: string; rule?: string };
      assert.match(problem.type, /^https:\/\/backend-field-guide\.dev\/reference\/problems\/#/);
      assert.equal(problem.rule, rule);
    }
    assert.equal(await shop.count("SELECT count(*) AS n FROM orders"), 0);
    assert.equal((await shop.outbox()).length, 0);
  });

  test("unknown ids in the URL → 404", async () => {
    for (const path of ["/orders/o-404", "/sagas/s-404", "/products/p-404"]) {
      assert.equal((await shop.app.request(path)).status, 404, path);
    }
  });
});

describe("the real server (smoke test of main.ts)", () => {
  test("starts on a free port, runs a checkout end to end over HTTP, and shuts down cleanly", async () => {
    await db.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
    const server = await startServer({ port: 0, database: db, workerIntervalMs: 10 });
    try {
      assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);
      const placed = await fetch(`${server.url}/orders`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ customerId: "c-1", lines: KEYBOARDS }),
      });
      assert.equal(placed.status, 201);
      const { id } = (await placed.json()) as { id: string };
      // The background worker runs on real timers here: wait for its outcome, not for a fixed time.
      let status = "pending";
      for (let tries = 0; tries < 200 && status === "pending"; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        status = ((await (await fetch(`${server.url}/orders/${id}`)).json()) as { status: string }).status;
      }
      assert.equal(status, "confirmed");
    } finally {
      await server.shutdown();
    }
    assert.ok(db.closed);
  });
});

/** A broker whose publishes wait at a gate until the test opens it, to hold a relay mid-batch. */
class GatedBroker implements MessageBroker {
  readonly published: EventEnvelope[] = [];
  private calls = 0;
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  async publish(message: EventEnvelope): Promise<void> {
    this.calls += 1;
    for (const waiter of this.waiters.filter((candidate) => candidate.count <= this.calls)) waiter.resolve();
    await this.gate;
    this.published.push(message);
  }

  /** Resolves once `count` publishes have started. */
  reached(count: number): Promise<void> {
    if (this.calls >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  open(): void {
    this.release();
  }

  async subscribe(_subscription: Subscription): Promise<Consumer> {
    return { stop: async () => undefined };
  }

  async watchDeadLetters(): Promise<Consumer> {
    return { stop: async () => undefined };
  }

  async close(): Promise<void> {}
}

/** The store's methods bound to it, so a test can override one and keep the others. */
function bind(store: SagaStore): SagaStore {
  return {
    create: (state) => store.create(state),
    save: (state) => store.save(state),
    findById: (id) => store.findById(id),
    due: (now, limit) => store.due(now, limit),
    list: () => store.list(),
  };
}
