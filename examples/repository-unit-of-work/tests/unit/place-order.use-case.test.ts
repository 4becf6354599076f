import assert from "node:assert/strict";
import { test } from "node:test";
import { PlaceOrderUseCase } from "../../src/application/place-order.use-case.ts";
import { StateConflictError } from "../../src/domain/domain-error.ts";
import { OrderId, ProductId } from "../../src/domain/identifiers.ts";
import { seedProducts } from "../../src/infrastructure/seed-products.ts";
import { FakeClock } from "../fakes/fake-clock.ts";
import { inMemoryStorage } from "../fakes/in-memory-storage.ts";

// Unit tests run on the in-memory adapters: milliseconds, no database. The contract tests prove
// those adapters behave like the Postgres ones.

test("placing an order reserves stock and stores the order, priced from the products", async () => {
  const storage = await inMemoryStorage(seedProducts());
  const clock = new FakeClock();
  const view = await new PlaceOrderUseCase({ uowFactory: storage.uowFactory, clock }).execute({
    customerId: "c-1",
    lines: [
      { productId: "p-1", quantity: 2 },
      { productId: "p-2", quantity: 1 },
    ],
  });
  assert.deepEqual(view.total, { currency: "EUR", minorUnits: 2 * 8900 + 990 });
  assert.equal(view.placedAt, clock.now().toISOString());
  assert.equal((await storage.products.findById(ProductId.of("p-1")))?.stock, 8);
  assert.ok(await storage.orders.findById(OrderId.of(view.id)));
});

test("an unknown product is refused, and the reservations before it are undone", async () => {
  const storage = await inMemoryStorage(seedProducts());
  const placeOrder = new PlaceOrderUseCase({ uowFactory: storage.uowFactory, clock: new FakeClock() });
  await assert.rejects(
    placeOrder.execute({
      customerId: "c-1",
      lines: [
        { productId: "p-1", quantity: 1 },
        { productId: "p-404", quantity: 1 },
      ],
    }),
    (error: unknown) => error instanceof StateConflictError && error.rule === "order.known-products",
  );
  assert.equal((await storage.products.findById(ProductId.of("p-1")))?.stock, 10);
  assert.equal(storage.tables.orders.size, 0);
});

test("ordering the same product on two lines reserves both quantities", async () => {
  const storage = await inMemoryStorage(seedProducts());
  await new PlaceOrderUseCase({ uowFactory: storage.uowFactory, clock: new FakeClock() }).execute({
    customerId: "c-1",
    lines: [
      { productId: "p-3", quantity: 1 },
      { productId: "p-3", quantity: 1 },
    ],
  });
  const monitor = await storage.products.findById(ProductId.of("p-3"));
  assert.deepEqual([monitor?.stock, monitor?.version], [0, 3]);
});

test("each call opens its own unit of work, so concurrent requests never share a transaction", async () => {
  const storage = await inMemoryStorage(seedProducts());
  const opened: unknown[] = [];
  const uowFactory = () => {
    const unitOfWork = storage.uowFactory();
    opened.push(unitOfWork);
    return unitOfWork;
  };
  const placeOrder = new PlaceOrderUseCase({ uowFactory, clock: new FakeClock() });
  const orderOf = (productId: string) => ({ customerId: "c-1", lines: [{ productId, quantity: 1 }] });
  // Different products, so both commit: sharing one transaction, the second would have run into the first's.
  await Promise.all([placeOrder.execute(orderOf("p-1")), placeOrder.execute(orderOf("p-2"))]);
  assert.equal(opened.length, 2);
  assert.notEqual(opened[0], opened[1]);
});
