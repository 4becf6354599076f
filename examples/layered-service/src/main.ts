/**
 * The composition root: the one place that picks adapters, hands them to the use cases, and starts
 * the HTTP server. Swapping the in-memory repositories for database ones changes this file only.
 */
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { CreateOrderUseCase } from "./application/use-cases/create-order.use-case.ts";
import { GetOrderUseCase } from "./application/use-cases/get-order.use-case.ts";
import { ListOrdersUseCase } from "./application/use-cases/list-orders.use-case.ts";
import { InMemoryCustomerRepository } from "./infrastructure/in-memory-customer.repository.ts";
import { InMemoryOrderRepository } from "./infrastructure/in-memory-order.repository.ts";
import { InMemoryProductRepository } from "./infrastructure/in-memory-product.repository.ts";
import { seedData } from "./infrastructure/seed-data.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  readonly shutdown: () => Promise<void>;
};

/** Wires the real adapters and listens on `port` (0 picks a free one). */
export function startServer(options: { port: number; hostname?: string }): Promise<RunningServer> {
  const seed = seedData();
  const customers = new InMemoryCustomerRepository(seed.customers);
  const products = new InMemoryProductRepository(seed.products);
  const orders = new InMemoryOrderRepository(seed.orders);
  const clock = new SystemClock();
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    createOrder: new CreateOrderUseCase({ customers, products, orders, clock }),
    getOrder: new GetOrderUseCase({ orders }),
    listOrders: new ListOrdersUseCase({ orders }),
    // In-memory adapters are ready as soon as they exist; a database adapter would be pinged here.
    isReady: () => !shuttingDown,
    reportUnexpectedError: (error) => console.error("unexpected error:", error),
  });

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) =>
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        shutdown: () => {
          shuttingDown = true; // /health/ready now answers 503, so a load balancer stops sending traffic
          return closeGracefully(server as Server);
        },
      }),
    );
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
    // Requests that are still running after 10 s lose: the orchestrator will kill us soon anyway.
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
