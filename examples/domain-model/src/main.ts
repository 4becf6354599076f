// Composition root: the one place that knows every concrete class. It wires adapters into use
// cases, hands them to the HTTP app, starts listening, and shuts down gracefully.
import { serve } from "@hono/node-server";
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { ConfirmOrderUseCase } from "./application/confirm-order.use-case.ts";
import { GetOrderUseCase } from "./application/get-order.use-case.ts";
import { ListPublishedEventsUseCase } from "./application/list-published-events.use-case.ts";
import { CancelOrderUseCase, DeliverOrderUseCase, ShipOrderUseCase } from "./application/order-lifecycle.use-cases.ts";
import { AddOrderLineUseCase, RemoveOrderLineUseCase } from "./application/order-lines.use-cases.ts";
import { PlaceOrderUseCase } from "./application/place-order.use-case.ts";
import { InMemoryCustomerRepository } from "./infrastructure/in-memory-customer.repository.ts";
import { InMemoryEventPublisher } from "./infrastructure/in-memory-event-publisher.ts";
import { InMemoryOrderRepository } from "./infrastructure/in-memory-order.repository.ts";
import { InMemoryProductCatalogue } from "./infrastructure/in-memory-product-catalogue.ts";
import { InMemoryPromoCodeRepository } from "./infrastructure/in-memory-promo-code.repository.ts";
import { seedCustomers, seedOrders, seedProducts, seedPromoCodes } from "./infrastructure/seed-data.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then releases resources. */
  readonly shutdown: () => Promise<void>;
};

/** Wires the real adapters and listens on `port` (0 picks a free one). */
export function startServer(options: { port: number; hostname?: string | undefined }): Promise<RunningServer> {
  const orders = new InMemoryOrderRepository(seedOrders());
  const customers = new InMemoryCustomerRepository(seedCustomers());
  const catalogue = new InMemoryProductCatalogue(seedProducts());
  const promoCodes = new InMemoryPromoCodeRepository(seedPromoCodes());
  const publisher = new InMemoryEventPublisher();
  const clock = new SystemClock();
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    placeOrder: new PlaceOrderUseCase({ orders, customers, catalogue, promoCodes, publisher, clock }),
    getOrder: new GetOrderUseCase(orders),
    addOrderLine: new AddOrderLineUseCase({ orders, catalogue, publisher }),
    removeOrderLine: new RemoveOrderLineUseCase({ orders, publisher }),
    confirmOrder: new ConfirmOrderUseCase({ orders, customers, promoCodes, publisher, clock }),
    cancelOrder: new CancelOrderUseCase({ orders, publisher, clock }),
    shipOrder: new ShipOrderUseCase({ orders, publisher, clock }),
    deliverOrder: new DeliverOrderUseCase({ orders, publisher, clock }),
    listPublishedEvents: new ListPublishedEventsUseCase(publisher),
    // In-memory adapters are ready as soon as they exist; a database adapter would be pinged here.
    isReady: () => !shuttingDown,
    reportUnexpectedError: (error) => console.error("unexpected error:", error),
  });

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        shutdown: () => {
          shuttingDown = true; // /health/ready now answers 503, so a load balancer stops sending traffic
          // In-memory adapters hold nothing open; a database or broker would be closed after the server.
          return closeGracefully(server as Server);
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
  const server = await startServer({ port: portFromEnv(process.env.PORT), hostname: process.env.HOST || undefined });
  console.log(`listening on ${server.url}`);

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
