import type { PGlite } from "@electric-sql/pglite";
import { AdvanceSagasUseCase } from "../../src/application/advance-sagas.use-case.ts";
import { checkoutSaga } from "../../src/application/checkout.saga.ts";
import { FaultSwitchboard } from "../../src/application/fault-switchboard.ts";
import { GetOrderUseCase } from "../../src/application/get-order.use-case.ts";
import type { EventEnvelope } from "../../src/application/integration-events.ts";
import { PlaceOrderUseCase } from "../../src/application/place-order.use-case.ts";
import type { MessageBroker } from "../../src/application/ports/message-broker.port.ts";
import type { SagaStore } from "../../src/application/ports/saga.store.port.ts";
import type { RetryPolicy } from "../../src/application/retry-policy.ts";
import { SagaQueriesUseCase } from "../../src/application/saga-queries.use-case.ts";
import { SettleOrderUseCase } from "../../src/application/settle-order.use-case.ts";
import { subscribeCheckout } from "../../src/infrastructure/checkout-consumer.ts";
import { FaultInjectingBroker } from "../../src/infrastructure/faults/fault-injecting-broker.ts";
import { FaultInjectingInventory } from "../../src/infrastructure/faults/fault-injecting-inventory.ts";
import { FaultInjectingPaymentGateway } from "../../src/infrastructure/faults/fault-injecting-payment-gateway.ts";
import { InProcessBroker } from "../../src/infrastructure/in-process/in-process-broker.ts";
import { InProcessPaymentGateway } from "../../src/infrastructure/in-process/in-process-payment-gateway.ts";
import { OutboxRelay } from "../../src/infrastructure/outbox-relay.ts";
import { insertProducts } from "../../src/infrastructure/postgres/insert-products.ts";
import { PostgresInventory } from "../../src/infrastructure/postgres/postgres-inventory.ts";
import { PostgresOrderRepository } from "../../src/infrastructure/postgres/postgres-order.repository.ts";
import { PostgresReadModels } from "../../src/infrastructure/postgres/postgres-read-models.ts";
import { PostgresSagaStore } from "../../src/infrastructure/postgres/postgres-saga.store.ts";
import { PostgresUnitOfWork } from "../../src/infrastructure/postgres/postgres-unit-of-work.ts";
import { seedProducts } from "../../src/infrastructure/seed-products.ts";
import { createApp } from "../../src/presentation/app.ts";
import { FakeClock } from "./fake-clock.ts";

/** Exact delays: random() = 1 makes full jitter wait its whole cap (100, 200, … ms). */
export const TEST_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 };
export const LEASE_MS = 1000;

/**
 * The whole service wired as main.ts wires it, on a shared PGlite emptied first, with a FakeClock
 * and no background timer: a test moves time and runs the relay, the deliveries and the saga worker
 * itself, one step at a time.
 */
export async function openShop(db: PGlite, options: { sagaStore?: (real: SagaStore) => SagaStore } = {}) {
  await db.exec(
    "TRUNCATE sagas, processed_messages, outbox, stock_reservations, order_lines, orders, products RESTART IDENTITY CASCADE",
  );
  await insertProducts(db, seedProducts());
  const clock = new FakeClock();
  const faults = new FaultSwitchboard();
  const inProcess = new InProcessBroker();
  const broker: MessageBroker = new FaultInjectingBroker(inProcess, faults);
  const payments = new InProcessPaymentGateway();
  const unitOfWork = new PostgresUnitOfWork(db);
  const definition = checkoutSaga({
    inventory: new FaultInjectingInventory(new PostgresInventory(db), faults),
    payments: new FaultInjectingPaymentGateway(payments, faults),
    orders: new SettleOrderUseCase({ unitOfWork, clock }),
  });
  const realStore = new PostgresSagaStore(db);
  const store = options.sagaStore?.(realStore) ?? realStore;
  const consumer = await subscribeCheckout({ db, broker, clock });
  const relay = new OutboxRelay({ db, broker, clock }, { leaseMs: LEASE_MS });
  const sagaWorker = (sagaStore: SagaStore = store) =>
    new AdvanceSagasUseCase({ store: sagaStore, clock, retry: TEST_RETRY, definition });
  const placeOrder = new PlaceOrderUseCase({ unitOfWork, clock });
  const readModels = new PostgresReadModels(db);
  const unexpectedErrors: unknown[] = [];
  const app = createApp({
    placeOrder,
    getOrder: new GetOrderUseCase(new PostgresOrderRepository(db)),
    sagas: new SagaQueriesUseCase(realStore, definition),
    readModels,
    faults,
    isReady: () => true,
    reportUnexpectedError: (error) => unexpectedErrors.push(error),
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);

  return {
    db,
    app,
    clock,
    faults,
    broker,
    inProcess,
    payments,
    relay,
    consumer,
    sagaWorker,
    realStore,
    unexpectedErrors,
    place: (lines: { productId: string; quantity: number }[]) => placeOrder.execute({ customerId: "c-1", lines }),
    /** One relay run, then every delivery it caused. */
    relayAndDeliver: async (which: OutboxRelay = relay) => {
      const run = await which.runOnce();
      await inProcess.whenIdle();
      return run;
    },
    stock: async (id: string) => (await readModels.product(id))?.stock,
    outbox: () => readModels.outbox(),
    sagas: () => realStore.list(),
    order: (id: string) => new PostgresOrderRepository(db).findById(id as never),
    published: (type: string): EventEnvelope[] => inProcess.published.filter((message) => message.type === type),
    count,
  };
}
