/**
 * The composition root: the one place that picks adapters, hands them to the use cases, and starts
 * the HTTP server.
 */
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Logger } from "./application/ports/logger.port.ts";
import { GetOrderUseCase } from "./application/use-cases/get-order.use-case.ts";
import { GetProductUseCase } from "./application/use-cases/get-product.use-case.ts";
import { PlaceOrderUseCase } from "./application/use-cases/place-order.use-case.ts";
import { DatabaseOrderRepository } from "./infrastructure/database-order.repository.ts";
import { DatabaseProductRepository } from "./infrastructure/database-product.repository.ts";
import { HttpStockGateway } from "./infrastructure/http-stock.gateway.ts";
import { InMemoryDatabase } from "./infrastructure/in-memory-database.ts";
import { InMemoryProductCache } from "./infrastructure/in-memory-product.cache.ts";
import { JsonLinesLogger } from "./infrastructure/json-lines.logger.ts";
import { seedDatabase, WAREHOUSE_STOCK } from "./infrastructure/seed-data.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { simulatedWarehouse } from "./infrastructure/simulated-warehouse.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/** Simulated outages: set one to true and restart to watch the service degrade (see the README). */
const OUTAGES = { database: false, cache: false };

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  readonly shutdown: () => Promise<void>;
};

/** Wires the adapters and listens on `port` (0 picks a free one). */
export async function startServer(options: {
  port: number;
  hostname?: string;
  logger?: Logger;
  outages?: { database: boolean; cache: boolean };
}): Promise<RunningServer> {
  const logger = options.logger ?? new JsonLinesLogger();
  const outages = options.outages ?? OUTAGES;
  const database = new InMemoryDatabase();
  await seedDatabase(database);
  database.reachable = !outages.database;
  const cache = new InMemoryProductCache();
  cache.reachable = !outages.cache;

  const products = new DatabaseProductRepository(database);
  const orders = new DatabaseOrderRepository(database);
  // In production: new HttpStockGateway({ baseUrl: process.env.WAREHOUSE_URL, fetch })
  const stock = new HttpStockGateway({
    baseUrl: "https://warehouse.internal",
    fetch: simulatedWarehouse(WAREHOUSE_STOCK),
  });
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    placeOrder: new PlaceOrderUseCase({ products, stock, orders, clock: new SystemClock() }),
    getOrder: new GetOrderUseCase({ orders }),
    getProduct: new GetProductUseCase({ products, cache, logger }),
    // Ready = able to serve: the database answers. A cache outage only slows reads, and an
    // upstream outage only fails some orders, so neither takes the instance out of rotation.
    isReady: async () =>
      !shuttingDown &&
      (await database.ping().then(
        () => true,
        () => false,
      )),
    logger,
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
  const logger = new JsonLinesLogger();
  const server = await startServer({
    port: portFromEnv(process.env.PORT),
    hostname: process.env.HOST || undefined,
    logger,
  });
  console.log(`listening on ${server.url}`);

  const stop = (signal: string) => {
    logger.info("server.stopping", { signal });
    // Requests that are still running after 10 s lose: the orchestrator will kill us soon anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("server.shutdown-failed", { error });
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
