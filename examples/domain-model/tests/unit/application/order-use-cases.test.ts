import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { EventPublisher } from "../../../src/application/ports/event-publisher.port.ts";
import { ConfirmOrderUseCase } from "../../../src/application/confirm-order.use-case.ts";
import type { PlaceOrderCommand } from "../../../src/application/place-order.use-case.ts";
import { EntityNotFoundError, StateConflictError } from "../../../src/domain/domain-error.ts";
import { OrderId } from "../../../src/domain/identifiers.ts";
import type { DomainEvent } from "../../../src/domain/domain-event.ts";
import { InMemoryCustomerRepository } from "../../../src/infrastructure/in-memory-customer.repository.ts";
import { InMemoryOrderRepository } from "../../../src/infrastructure/in-memory-order.repository.ts";
import { InMemoryPromoCodeRepository } from "../../../src/infrastructure/in-memory-promo-code.repository.ts";
import { seedCustomers, seedOrders, seedPromoCodes } from "../../../src/infrastructure/seed-data.ts";
import { FailingOrderRepository } from "../../fakes/failing-order.repository.ts";
import { FakeClock } from "../../fakes/fake-clock.ts";
import { testShop } from "../../fakes/test-shop.ts";

describe("PlaceOrderUseCase", () => {
  test("prices lines from the catalogue, saves the order, then publishes OrderPlaced", async () => {
    const shop = testShop();
    const view = await shop.useCases.placeOrder.execute({
      customerId: "c-1",
      lines: [{ productId: "p-1", quantity: 2 }],
      promoCode: "spring20",
    });

    assert.equal(view.status, "pending");
    assert.equal(view.promoCode, "SPRING20");
    assert.deepEqual(view.total, { currency: "EUR", minorUnits: 17800 });
    assert.ok(await shop.orders.findById(OrderId.of(view.id)), "the order was saved");
    const events = await shop.publisher.list();
    assert.deepEqual(
      events.map((e) => e.type),
      ["OrderPlaced"],
    );
  });

  test("unknown customers, products and promo codes are refused, and nothing is saved or published", async () => {
    const shop = testShop();
    const attempts: [PlaceOrderCommand, string][] = [
      [{ customerId: "c-404", lines: [{ productId: "p-1", quantity: 1 }] }, "order.known-customer"],
      [{ customerId: "c-1", lines: [{ productId: "p-404", quantity: 1 }] }, "order.known-products"],
      [{ customerId: "c-1", lines: [{ productId: "p-1", quantity: 1 }], promoCode: "NOPE" }, "order.known-promo-code"],
    ];
    for (const [command, rule] of attempts) {
      await assert.rejects(
        shop.useCases.placeOrder.execute(command),
        (error) => error instanceof StateConflictError && error.rule === rule,
      );
    }
    assert.deepEqual(shop.saved, []);
    assert.deepEqual(await shop.publisher.list(), []);
  });

  test("when the save fails, no event is published", async () => {
    const shop = testShop({ orders: new FailingOrderRepository() });
    await assert.rejects(
      shop.useCases.placeOrder.execute({ customerId: "c-1", lines: [{ productId: "p-1", quantity: 1 }] }),
      /write rejected/,
    );
    await assert.rejects(shop.useCases.confirmOrder.execute("o-1"), /write rejected/);
    assert.deepEqual(await shop.publisher.list(), []);
  });
});

describe("ConfirmOrderUseCase", () => {
  test("applies the better discount (SPRING20 beats gold 15 %) and fixes the total", async () => {
    const shop = testShop();
    const view = await shop.useCases.confirmOrder.execute("o-1");
    assert.equal(view.status, "confirmed");
    assert.deepEqual(view.discount, { source: "promo", percent: 20, amount: { currency: "EUR", minorUnits: 2176 } });
    assert.deepEqual(view.total, { currency: "EUR", minorUnits: 10880 - 2176 });
  });

  test("publishes only after the save: at publish time the stored order is already confirmed", async () => {
    const orders = new InMemoryOrderRepository(seedOrders());
    const seenAtPublish: string[] = [];
    // A publisher that looks at the repository when called, to prove the save came first.
    const inspectingPublisher: EventPublisher = {
      async publish(events: readonly DomainEvent[]) {
        const stored = await orders.findById(OrderId.of("o-1"));
        for (const event of events) seenAtPublish.push(`${event.type} while stored order is ${stored?.status}`);
      },
    };
    const confirmOrder = new ConfirmOrderUseCase({
      orders,
      customers: new InMemoryCustomerRepository(seedCustomers()),
      promoCodes: new InMemoryPromoCodeRepository(seedPromoCodes()),
      publisher: inspectingPublisher,
      clock: new FakeClock(),
    });
    await confirmOrder.execute("o-1");
    assert.deepEqual(seenAtPublish, ["OrderConfirmed while stored order is confirmed"]);
  });

  test("an unknown order is not found", async () => {
    await assert.rejects(testShop().useCases.confirmOrder.execute("o-404"), EntityNotFoundError);
  });
});

describe("events carry the fake clock time", () => {
  test("occurredAt comes from the Clock port", async () => {
    const shop = testShop();
    shop.clock.advance(60_000);
    await shop.useCases.shipOrder.execute((await shop.useCases.confirmOrder.execute("o-1")).id);
    const events = await shop.publisher.list();
    assert.deepEqual(
      events.map((e) => [e.type, e.occurredAt.toISOString()]),
      [
        ["OrderConfirmed", "2026-03-01T10:01:00.000Z"],
        ["OrderShipped", "2026-03-01T10:01:00.000Z"],
      ],
    );
  });
});
