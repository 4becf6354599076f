/**
 * The composition root: the one place that picks adapters, instruments them, hands them to the use
 * cases, and starts the HTTP server.
 */
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { DestinationStream } from "pino";
import type { Logger } from "./application/ports/logger.port.ts";
import { ProductCatalogue } from "./application/product-catalogue.ts";
import { CheckHealthUseCase } from "./application/use-cases/check-health.use-case.ts";
import { GetOrderUseCase } from "./application/use-cases/get-order.use-case.ts";
import { GetProductUseCase } from "./application/use-cases/get-product.use-case.ts";
import { PlaceOrderUseCase } from "./application/use-cases/place-order.use-case.ts";
import { DatabaseOrderRepository } from "./infrastructure/database-order.repository.ts";
import { DatabaseProductRepository } from "./infrastructure/database-product.repository.ts";
import { HttpStockGateway } from "./infrastructure/http-stock.gateway.ts";
import { InMemoryDatabase } from "./infrastructure/in-memory-database.ts";
import { InMemoryProductCache } from "./infrastructure/in-memory-product.cache.ts";
import type { Telemetry } from "./infrastructure/observed-call.ts";
import { seedDatabase, WAREHOUSE_STOCK } from "./infrastructure/seed-data.ts";
import { simulatedWarehouse } from "./infrastructure/simulated-warehouse.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { tracedUseCase } from "./infrastructure/tracing/traced-use-case.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";
import { createTelemetry, SERVICE_VERSION } from "./telemetry.ts";

/** Simulated outages, switched at start (tests) or while running (PUT /_guide/outages, see the README). */
export type Outages = { database: boolean; cache: boolean };

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, flushes spans, then resolves. */
  readonly shutdown: () => Promise<void>;
};

export type ServerOptions = {
  port: number;
  hostname?: string;
  logDestination?: DestinationStream;
  outages?: Outages;
  /** NODE_ENV=production: no /_guide routes. */
  production?: boolean;
  otlpEndpoint?: string;
};

/** Wires everything into the Hono app; returned apart from the server so tests can call it in process. */
export async function buildService(options: Omit<ServerOptions, "port" | "hostname">) {
  const { logger, tracing, metrics } = await createTelemetry(options);
  const telemetry = { tracer: tracing.tracer, metrics };
  const database = new InMemoryDatabase();
  await seedDatabase(database);
  const cache = new InMemoryProductCache(telemetry);
  const setOutages = outageSwitches(database, cache);
  setOutages(options.outages ?? { database: false, cache: false });
  const lifecycle = { shuttingDown: false };
  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    ...wireUseCases({ database, cache, telemetry, logger }),
    checkHealth: healthChecks(database, cache, lifecycle),
    logger,
    tracer: tracing.tracer,
    metrics,
    guide: options.production ? undefined : { recentTraces: (id) => tracing.recentTraces.recent(id), setOutages },
  });
  return { app, logger, tracing, metrics, lifecycle, setOutages };
}

/**
 * The readiness checks. The database is critical (no orders without it: unhealthy, 503); the cache is
 * not (reads fall back to the database: degraded, still 200). While shutting down the service is
 * unhealthy too, so the load balancer stops sending requests before the server stops taking them.
 */
function healthChecks(database: InMemoryDatabase, cache: InMemoryProductCache, lifecycle: { shuttingDown: boolean }) {
  const accepting = async () => {
    if (lifecycle.shuttingDown) throw new Error("shutting down");
  };
  return new CheckHealthUseCase({
    version: SERVICE_VERSION,
    timeoutMs: 500,
    checks: [
      { name: "server", critical: true, check: accepting },
      { name: "database", critical: true, check: () => database.ping() },
      { name: "cache", critical: false, check: () => cache.ping() },
    ],
  });
}

/** Switches simulated outages on and off (PUT /_guide/outages); returns the switches as they now are. */
function outageSwitches(database: InMemoryDatabase, cache: InMemoryProductCache) {
  return (change: Partial<Outages>): Outages => {
    if (change.database !== undefined) database.reachable = !change.database;
    if (change.cache !== undefined) cache.reachable = !change.cache;
    return { database: !database.reachable, cache: !cache.reachable };
  };
}

/** The use cases over instrumented adapters, each wrapped in its application-layer span. */
function wireUseCases(deps: {
  database: InMemoryDatabase;
  cache: InMemoryProductCache;
  telemetry: Telemetry;
  logger: Logger;
}) {
  const { tracer } = deps.telemetry;
  const products = new DatabaseProductRepository(deps.database, deps.telemetry);
  const orders = new DatabaseOrderRepository(deps.database, deps.telemetry);
  const catalogue = new ProductCatalogue({ products, cache: deps.cache, logger: deps.logger });
  // In production: new HttpStockGateway({ baseUrl: process.env.WAREHOUSE_URL, fetch, tracer })
  const stock = new HttpStockGateway({
    baseUrl: "https://warehouse.internal",
    fetch: simulatedWarehouse(WAREHOUSE_STOCK),
    tracer,
  });
  return {
    placeOrder: tracedUseCase(
      tracer,
      "PlaceOrder",
      new PlaceOrderUseCase({ catalogue, stock, orders, clock: new SystemClock() }),
    ),
    getOrder: tracedUseCase(tracer, "GetOrder", new GetOrderUseCase({ orders })),
    getProduct: tracedUseCase(tracer, "GetProduct", new GetProductUseCase({ catalogue })),
  };
}

/** Builds the service and listens on `port` (0 picks a free one). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const service = await buildService(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: service.app.fetch, port: options.port, hostname: options.hostname },
      (info: AddressInfo) =>
        resolve({
          port: info.port,
          url: `http://localhost:${info.port}`,
          shutdown: async () => {
            service.lifecycle.shuttingDown = true; // /health/ready now answers 503: the load balancer stops sending traffic
            await closeGracefully(server as Server);
            await service.tracing.shutdown(); // flushes spans still batched for the collector
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
  const server = await startServer({
    port: portFromEnv(process.env.PORT),
    hostname: process.env.HOST || undefined,
    production: process.env.NODE_ENV === "production",
    otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
  });
  console.log(`listening on ${server.url}`);

  const stop = () => {
    // Requests that are still running after 10 s lose: the orchestrator will kill us soon anyway.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
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
