import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { OrderRepository } from "../../src/application/ports/order.repository.port.ts";
import type { ProductRepository } from "../../src/application/ports/product.repository.port.ts";
import { ConcurrencyConflictError } from "../../src/application/ports/storage-errors.ts";
import type { UnitOfWorkFactory } from "../../src/application/ports/unit-of-work.port.ts";
import { PlaceOrderUseCase } from "../../src/application/place-order.use-case.ts";
import { StateConflictError } from "../../src/domain/domain-error.ts";
import { CustomerId, OrderId, ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Order } from "../../src/domain/order.aggregate.ts";
import { Product } from "../../src/domain/product.aggregate.ts";
import { Quantity } from "../../src/domain/quantity.value-object.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

/** The three storage ports, built by one adapter over one database. */
export type Storage = {
  readonly products: ProductRepository;
  readonly orders: OrderRepository;
  readonly uowFactory: UnitOfWorkFactory;
};

/** Builds fresh, empty storage holding only `products`. */
export type StorageFactory = (products: readonly Product[]) => Promise<Storage>;

const P1 = ProductId.of("p-1");
const P2 = ProductId.of("p-2");

const products = (): Product[] => [
  new Product({ id: P1, name: "Mechanical keyboard", unitPrice: Money.of(8900, "EUR"), stock: 10, version: 1 }),
  new Product({ id: P2, name: "USB-C cable", unitPrice: Money.of(990, "EUR"), stock: 3, version: 1 }),
];

const anOrder = (id = "o-1") =>
  Order.place({
    id: OrderId.of(id),
    customerId: CustomerId.of("c-1"),
    placedAt: new Date("2026-03-01T10:00:00.000Z"),
    lines: [
      { productId: P2, quantity: Quantity.of(2), unitPrice: Money.of(990, "EUR") },
      { productId: P1, quantity: Quantity.of(1), unitPrice: Money.of(8900, "EUR") },
    ],
  });

async function stockOf(storage: Storage, id: ProductId): Promise<number | undefined> {
  return (await storage.products.findById(id))?.stock;
}

/**
 * One contract, every adapter: the same tests run against the in-memory fakes and against Postgres,
 * so the fakes that unit tests rely on are proven to behave like the real thing.
 */
export function describeStorageContract(adapter: string, createStorage: StorageFactory): void {
  describe(`${adapter}: ProductRepository`, () => {
    test("finds a stored product with every field mapped back", async () => {
      const storage = await createStorage(products());
      const product = await storage.products.findById(P1);
      assert.ok(product);
      assert.equal(product.name, "Mechanical keyboard");
      assert.ok(product.unitPrice.equals(Money.of(8900, "EUR")));
      assert.equal(product.stock, 10);
      assert.equal(product.version, 1);
      assert.equal(await storage.products.findById(ProductId.of("p-404")), undefined);
    });

    test("lists products by id", async () => {
      const storage = await createStorage([...products()].reverse());
      assert.deepEqual(
        (await storage.products.list()).map((p) => p.id),
        ["p-1", "p-2"],
      );
    });

    test("save stores the new stock and bumps the version", async () => {
      const storage = await createStorage(products());
      const product = await storage.products.findById(P1);
      product?.reserve(Quantity.of(4));
      await storage.products.save(product as Product);
      const stored = await storage.products.findById(P1);
      assert.equal(stored?.stock, 6);
      assert.equal(stored?.version, 2);
    });

    test("save refuses a copy read at an older version, and changes nothing", async () => {
      const storage = await createStorage(products());
      const first = (await storage.products.findById(P1)) as Product;
      const second = (await storage.products.findById(P1)) as Product;
      first.reserve(Quantity.of(1));
      await storage.products.save(first);
      second.reserve(Quantity.of(5));
      await assert.rejects(storage.products.save(second), ConcurrencyConflictError);
      assert.equal(await stockOf(storage, P1), 9);
    });
  });

  describe(`${adapter}: OrderRepository`, () => {
    test("an added order comes back whole: lines in order, prices, total, time", async () => {
      const storage = await createStorage(products());
      await storage.uowFactory().run(({ orders }) => orders.add(anOrder()));
      const order = await storage.orders.findById(OrderId.of("o-1"));
      assert.ok(order);
      assert.equal(order.customerId, "c-1");
      assert.equal(order.placedAt.toISOString(), "2026-03-01T10:00:00.000Z");
      assert.deepEqual(
        order.lines.map((line) => [line.productId, line.quantity.value, line.unitPrice.minorUnits]),
        [
          ["p-2", 2, 990],
          ["p-1", 1, 8900],
        ],
      );
      assert.ok(order.total.equals(Money.of(10880, "EUR")));
      assert.equal(await storage.orders.findById(OrderId.of("o-404")), undefined);
    });

    test("adding an order whose id is taken is a conflict", async () => {
      const storage = await createStorage(products());
      await storage.uowFactory().run(({ orders }) => orders.add(anOrder()));
      await assert.rejects(
        storage.uowFactory().run(({ orders }) => orders.add(anOrder())),
        ConcurrencyConflictError,
      );
    });
  });

  describe(`${adapter}: UnitOfWork`, () => {
    test("a unit of work runs once; the factory makes a fresh one for the next request", async () => {
      const storage = await createStorage(products());
      const unitOfWork = storage.uowFactory();
      await unitOfWork.run(async () => undefined);
      await assert.rejects(
        unitOfWork.run(async () => undefined),
        /runs once/,
      );
      assert.notEqual(storage.uowFactory(), storage.uowFactory());
    });

    test("commits every write when the work succeeds, and returns its result", async () => {
      const storage = await createStorage(products());
      const result = await storage.uowFactory().run(async ({ products: repo, orders }) => {
        const product = (await repo.findById(P1)) as Product;
        product.reserve(Quantity.of(1));
        await repo.save(product);
        await orders.add(anOrder());
        return "done";
      });
      assert.equal(result, "done");
      assert.equal(await stockOf(storage, P1), 9);
      assert.ok(await storage.orders.findById(OrderId.of("o-1")));
    });

    test("inside the work, reads see the work's own writes", async () => {
      const storage = await createStorage(products());
      await storage.uowFactory().run(async ({ products: repo }) => {
        const product = (await repo.findById(P1)) as Product;
        product.reserve(Quantity.of(3));
        await repo.save(product);
        assert.equal((await repo.findById(P1))?.stock, 7);
      });
    });

    test("rolls back every write when the work throws after writing", async () => {
      const storage = await createStorage(products());
      await assert.rejects(
        storage.uowFactory().run(async ({ products: repo, orders }) => {
          const product = (await repo.findById(P1)) as Product;
          product.reserve(Quantity.of(1));
          await repo.save(product);
          await orders.add(anOrder());
          throw new Error("crash after both writes");
        }),
        /crash after both writes/,
      );
      assert.equal(await stockOf(storage, P1), 10);
      assert.equal(await storage.orders.findById(OrderId.of("o-1")), undefined);
    });

    test("rolls back the first write when the second write throws", async () => {
      const storage = await createStorage(products());
      await storage.uowFactory().run(({ orders }) => orders.add(anOrder("o-taken")));
      await assert.rejects(
        storage.uowFactory().run(async ({ products: repo, orders }) => {
          const product = (await repo.findById(P1)) as Product;
          product.reserve(Quantity.of(1));
          await repo.save(product); // first write: succeeds
          await orders.add(anOrder("o-taken")); // second write: the id is taken, so it throws
        }),
        ConcurrencyConflictError,
      );
      assert.equal(await stockOf(storage, P1), 10, "the reservation was rolled back");
    });

    test("PlaceOrderUseCase: a line without enough stock undoes the reservations before it", async () => {
      const storage = await createStorage(products());
      const placeOrder = new PlaceOrderUseCase({ uowFactory: storage.uowFactory, clock: new FakeClock() });
      await assert.rejects(
        placeOrder.execute({
          customerId: "c-1",
          lines: [
            { productId: "p-1", quantity: 2 },
            { productId: "p-2", quantity: 4 }, // only 3 in stock
          ],
        }),
        (error: unknown) => error instanceof StateConflictError && error.rule === "product.stock-available",
      );
      assert.equal(await stockOf(storage, P1), 10);
      assert.equal(await stockOf(storage, P2), 3);

      const placed = await placeOrder.execute({ customerId: "c-1", lines: [{ productId: "p-2", quantity: 3 }] });
      assert.equal(await stockOf(storage, P2), 0);
      assert.ok(await storage.orders.findById(OrderId.of(placed.id)));
    });
  });
}
