/**
 * The composition root: the one place that opens the database, picks the adapters (the in-process
 * broker, or RabbitMQ when AMQP_URL is set), wraps them in the fault switches, starts the relay and
 * the saga worker, and serves HTTP.
 */
import { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { AdvanceSagasUseCase } from "./application/advance-sagas.use-case.ts";
import { checkoutSaga } from "./application/checkout.saga.ts";
import { FaultSwitchboard } from "./application/fault-switchboard.ts";
import { GetOrderUseCase } from "./application/get-order.use-case.ts";
import { PlaceOrderUseCase } from "./application/place-order.use-case.ts";
import type { Consumer, MessageBroker } from "./application/ports/message-broker.port.ts";
import type { RetryPolicy } from "./application/retry-policy.ts";
import { SagaQueriesUseCase } from "./application/saga-queries.use-case.ts";
import { SettleOrderUseCase } from "./application/settle-order.use-case.ts";
import { BackgroundWorker } from "./infrastructure/background-worker.ts";
import { subscribeCheckout } from "./infrastructure/checkout-consumer.ts";
import { FaultInjectingBroker } from "./infrastructure/faults/fault-injecting-broker.ts";
import { FaultInjectingInventory } from "./infrastructure/faults/fault-injecting-inventory.ts";
import { FaultInjectingPaymentGateway } from "./infrastructure/faults/fault-injecting-payment-gateway.ts";
import { InProcessBroker } from "./infrastructure/in-process/in-process-broker.ts";
import { InProcessPaymentGateway } from "./infrastructure/in-process/in-process-payment-gateway.ts";
import { OutboxRelay } from "./infrastructure/outbox-relay.ts";
import { insertProducts } from "./infrastructure/postgres/insert-products.ts";
import { pingDatabase } from "./infrastructure/postgres/ping-database.ts";
import { PostgresInventory } from "./infrastructure/postgres/postgres-inventory.ts";
import { PostgresOrderRepository } from "./infrastructure/postgres/postgres-order.repository.ts";
import { PostgresReadModels } from "./infrastructure/postgres/postgres-read-models.ts";
import { PostgresSagaStore } from "./infrastructure/postgres/postgres-saga.store.ts";
import { PostgresUnitOfWork } from "./infrastructure/postgres/postgres-unit-of-work.ts";
import { runMigrations } from "./infrastructure/postgres/run-migrations.ts";
import { seedProducts } from "./infrastructure/seed-products.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops HTTP, then the worker (after its current round), the consumer, the broker and the database. */
  readonly shutdown: () => Promise<void>;
};

/** How to start. */
export type ServerOptions = {
  readonly port: number;
  readonly hostname?: string | undefined;
  /** A PGlite data directory; without one the database lives in memory and is gone at exit. */
  readonly dataDir?: string | undefined;
  /** An already open PGlite (tests pass one to skip PGlite's start-up); it is closed on shutdown. */
  readonly database?: PGlite | undefined;
  /** RabbitMQ's URL; without one an in-process broker stands in. */
  readonly amqpUrl?: string | undefined;
  /** How often the relay and the saga worker run. */
  readonly workerIntervalMs?: number;
};

/**
 * Short delays so you can watch a retry happen; in production, seconds to minutes. Four tries in
 * all (waits of up to 0.5, 1 and 2 s), then a forward step gives up and a compensation is parked.
 */
const RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000, random: Math.random };

/** Short so a crashed batch is sent again within seconds; in production, well above the slowest batch. */
const RELAY_LEASE_MS = 2_000;

/** The in-process stand-in, or RabbitMQ through a dynamic import() that only runs when AMQP_URL is set. */
async function openBroker(amqpUrl: string | undefined): Promise<MessageBroker> {
  if (amqpUrl === undefined) return new InProcessBroker();
  const { RabbitMqBroker } = await import("./infrastructure/rabbitmq/rabbitmq-broker.ts");
  return RabbitMqBroker.connect(amqpUrl);
}

/** Opens and migrates the database, seeds the products, wires everything and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = options.database ?? (await PGlite.create(options.dataDir));
  await runMigrations(db);
  await insertProducts(db, seedProducts());
  const clock = new SystemClock();
  const faults = new FaultSwitchboard();
  const broker = new FaultInjectingBroker(await openBroker(options.amqpUrl), faults);
  const unitOfWork = new PostgresUnitOfWork(db);
  const definition = checkoutSaga({
    inventory: new FaultInjectingInventory(new PostgresInventory(db), faults),
    payments: new FaultInjectingPaymentGateway(new InProcessPaymentGateway(), faults),
    orders: new SettleOrderUseCase({ unitOfWork, clock }),
  });
  const sagaStore = new PostgresSagaStore(db);
  const reportError = (error: unknown) => console.error("background:", error instanceof Error ? error.message : error);
  const consumer: Consumer = await subscribeCheckout({ db, broker, clock });
  const worker = new BackgroundWorker({
    relay: new OutboxRelay({ db, broker, clock }, { leaseMs: RELAY_LEASE_MS }),
    sagas: new AdvanceSagasUseCase({ store: sagaStore, clock, retry: RETRY, definition }),
    report: reportError,
  });
  worker.start(options.workerIntervalMs ?? 200);
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    placeOrder: new PlaceOrderUseCase({ unitOfWork, clock }),
    getOrder: new GetOrderUseCase(new PostgresOrderRepository(db)),
    sagas: new SagaQueriesUseCase(sagaStore, definition),
    readModels: new PostgresReadModels(db),
    faults,
    isReady: async () => !shuttingDown && (await pingDatabase(db)),
    reportUnexpectedError: (error) => console.error("unexpected error:", error),
  });

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        shutdown: async () => {
          shuttingDown = true; // /health/ready now answers 503, so a load balancer stops sending traffic
          await closeGracefully(server as Server);
          await worker.stop(); // lets the current relay round and saga step finish: state stays consistent
          await consumer.stop();
          await broker.close();
          await db.close();
        },
      });
    });
    server.once("error", reject);
  });
}

/** Stops accepting connections and resolves once every in-flight request has been answered. */
function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    // close() drops idle keep-alive connections only once; keep dropping the ones that go idle
    // as in-flight requests finish, or close() would wait for their keep-alive timeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close((error) => {
      clearInterval(sweep);
      if (error) reject(error);
      else resolve();
    });
  });
}

/** PORT from the environment: a whole number from 0 to 65535, default 3000. */
function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(value)}`);
  }
  return port;
}

/** `npm start`: listen, then shut down gracefully on SIGTERM (container stop) or SIGINT (Ctrl+C). */
async function main(): Promise<void> {
  const server = await startServer({
    port: portFromEnv(process.env.PORT),
    hostname: process.env.HOST || undefined,
    dataDir: process.env.PGLITE_DATA_DIR || undefined,
    amqpUrl: process.env.AMQP_URL || undefined,
  });
  console.log(`listening on ${server.url}${process.env.AMQP_URL ? " (broker: RabbitMQ)" : " (broker: in-process)"}`);

  const stop = (signal: string) => {
    console.log(`${signal} received, finishing in-flight requests`);
    // Requests still running after 10 s lose: the orchestrator would kill the process soon anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

/** True when this file is the program Node was started with (`node src/main.ts`), not a module a test imports. */
function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? "") === fileURLToPath(import.meta.url);
  } catch {
    return false; // argv[1] is not a file, e.g. a glob under `node --test`
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
