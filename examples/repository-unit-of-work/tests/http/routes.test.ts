import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GetOrderUseCase } from "../../src/application/get-order.use-case.ts";
import { PlaceOrderUseCase } from "../../src/application/place-order.use-case.ts";
import { ProductQueriesUseCase } from "../../src/application/product-queries.use-case.ts";
import { ConcurrencyConflictError, DatabaseConnectionError } from "../../src/application/ports/storage-errors.ts";
import type { UnitOfWork } from "../../src/application/ports/unit-of-work.port.ts";
import { seedProducts } from "../../src/infrastructure/seed-products.ts";
import { createApp } from "../../src/presentation/app.ts";
import { FakeClock } from "../fakes/fake-clock.ts";
import { inMemoryStorage } from "../fakes/in-memory-storage.ts";

type Problem = { type: string; title: string; status: number; detail: string; rule?: string };

/** The app over the in-memory adapters; `unitOfWork` can be swapped for a failing fake. */
async function testApp(options: { unitOfWork?: UnitOfWork } = {}) {
  const storage = await inMemoryStorage(seedProducts());
  const { unitOfWork } = options;
  const unexpectedErrors: unknown[] = [];
  const app = createApp({
    placeOrder: new PlaceOrderUseCase({
      uowFactory: unitOfWork === undefined ? storage.uowFactory : () => unitOfWork,
      clock: new FakeClock(),
    }),
    getOrder: new GetOrderUseCase(storage.orders),
    productQueries: new ProductQueriesUseCase(storage.products),
    isReady: () => true,
    reportUnexpectedError: (error) => unexpectedErrors.push(error),
  });
  const postOrder = (body: string, contentType = "application/json") =>
    app.request("/orders", { method: "POST", body, headers: { "Content-Type": contentType } });
  const stock = async (id: string) =>
    ((await (await app.request(`/products/${id}`)).json()) as { stock: number }).stock;
  const storedOrders = () => storage.tables.orders.size;
  return { app, postOrder, stock, storedOrders, unexpectedErrors };
}

/** A unit of work that fails before doing anything, as a broken database or a lost race would. */
const failingUnitOfWork = (error: Error): UnitOfWork => ({
  run: async () => {
    throw error;
  },
});

async function problemOf(response: Response): Promise<Problem> {
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  return (await response.json()) as Problem;
}

describe("orders over HTTP", () => {
  test("POST /orders → 201 with Location; the stock goes down and the version up", async () => {
    const { app, postOrder } = await testApp();
    const response = await postOrder('{"customerId":"c-1","lines":[{"productId":"p-1","quantity":2}]}');
    assert.equal(response.status, 201);
    const order = (await response.json()) as { id: string };
    assert.equal(response.headers.get("location"), `/orders/${order.id}`);
    assert.equal((await app.request(`/orders/${order.id}`)).status, 200);
    const product = (await (await app.request("/products/p-1")).json()) as { stock: number; version: number };
    assert.deepEqual([product.stock, product.version], [8, 2]);
  });

  test("not enough stock → 409 naming the rule, and the earlier lines' stock is untouched", async () => {
    const { postOrder, stock, storedOrders } = await testApp();
    const response = await postOrder(
      '{"customerId":"c-1","lines":[{"productId":"p-2","quantity":1},{"productId":"p-3","quantity":5}]}',
    );
    assert.equal(response.status, 409);
    assert.equal((await problemOf(response)).rule, "product.stock-available");
    assert.equal(await stock("p-2"), 100);
    assert.equal(storedOrders(), 0);
  });

  test("eleven lines → 422 order.max-lines, after the stock was reserved: the reservations roll back", async () => {
    const { postOrder, stock, storedOrders } = await testApp();
    const eleven = Array.from({ length: 11 }, () => ({ productId: "p-2", quantity: 1 }));
    const response = await postOrder(JSON.stringify({ customerId: "c-1", lines: eleven }));
    assert.equal(response.status, 422);
    assert.equal((await problemOf(response)).rule, "order.max-lines");
    assert.equal(await stock("p-2"), 100);
    assert.equal(storedOrders(), 0);
  });

  test("a quantity out of range → 422 quantity.range (a domain rule, not a schema error)", async () => {
    const { postOrder, stock, storedOrders } = await testApp();
    const response = await postOrder('{"customerId":"c-1","lines":[{"productId":"p-1","quantity":0}]}');
    assert.equal(response.status, 422);
    assert.equal((await problemOf(response)).rule, "quantity.range");
    assert.equal(await stock("p-1"), 10);
    assert.equal(storedOrders(), 0);
  });

  test("a concurrent change → 409 concurrency conflict", async () => {
    const conflict = new ConcurrencyConflictError("Product", "p-1", 1);
    const { postOrder } = await testApp({ unitOfWork: failingUnitOfWork(conflict) });
    const response = await postOrder('{"customerId":"c-1","lines":[{"productId":"p-1","quantity":1}]}');
    assert.equal(response.status, 409);
    assert.equal((await problemOf(response)).title, "Concurrent update");
  });

  test("the database is down → 503 with Retry-After and no internals", async () => {
    const { postOrder } = await testApp({
      unitOfWork: failingUnitOfWork(new DatabaseConnectionError("socket closed")),
    });
    const response = await postOrder('{"customerId":"c-1","lines":[{"productId":"p-1","quantity":1}]}');
    assert.equal(response.status, 503);
    assert.equal(response.headers.get("retry-after"), "5");
    assert.doesNotMatch((await problemOf(response)).detail, /socket/);
  });

  test("an unexpected error → 500 with a generic body; the details go to the error reporter only", async () => {
    const { postOrder, unexpectedErrors } = await testApp({ unitOfWork: failingUnitOfWork(new TypeError("secret")) });
    const response = await postOrder('{"customerId":"c-1","lines":[{"productId":"p-1","quantity":1}]}');
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /secret|TypeError/);
    assert.equal(unexpectedErrors.length, 1);
  });
});

describe("bad input gets a problem+json answer and changes nothing", () => {
  test("malformed JSON → 400", async () => {
    const { postOrder, stock, storedOrders } = await testApp();
    const response = await postOrder('{"customerId":"c-1","lines":[{"productId":"p-1","quantity":2}');
    assert.equal(response.status, 400);
    assert.equal((await problemOf(response)).title, "Malformed JSON");
    assert.equal(await stock("p-1"), 10);
    assert.equal(storedOrders(), 0);
  });

  test("a body that is not JSON → 415", async () => {
    const { postOrder } = await testApp();
    assert.equal((await postOrder("customerId=c-1", "application/x-www-form-urlencoded")).status, 415);
  });

  test("wrong types → 422 with a JSON Pointer per field", async () => {
    const { postOrder, stock, storedOrders } = await testApp();
    const response = await postOrder('{"customerId":["c-1"],"lines":[{"productId":"p-1","quantity":"2"}]}');
    assert.equal(response.status, 422);
    const problem = (await problemOf(response)) as Problem & { errors: { pointer: string }[] };
    assert.deepEqual(problem.errors.map((e) => e.pointer).sort(), ["/customerId", "/lines/0/quantity"]);
    assert.equal(await stock("p-1"), 10);
    assert.equal(storedOrders(), 0);
  });

  test("an unknown id in the URL → 404", async () => {
    const { app } = await testApp();
    for (const [path, detail] of [
      ["/orders/o-404", "Order o-404 does not exist"],
      ["/products/p-404", "Product p-404 does not exist"],
    ] as const) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.equal((await problemOf(response)).detail, detail);
    }
  });

  test("an unknown product in the body → 409 order.known-products, and the product before it keeps its stock", async () => {
    const { postOrder, stock, storedOrders } = await testApp();
    const response = await postOrder(
      '{"customerId":"c-1","lines":[{"productId":"p-1","quantity":1},{"productId":"p-404","quantity":1}]}',
    );
    assert.equal(response.status, 409);
    const problem = await problemOf(response);
    assert.deepEqual([problem.rule, problem.detail], ["order.known-products", "Product p-404 does not exist"]);
    assert.equal(await stock("p-1"), 10);
    assert.equal(storedOrders(), 0);
  });
});

describe("health", () => {
  test("live and ready answer 200", async () => {
    const { app } = await testApp();
    assert.equal((await app.request("/health/live")).status, 200);
    assert.equal((await app.request("/health/ready")).status, 200);
  });
});
