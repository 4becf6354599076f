/**
 * The composition root: the one place that opens the database, picks the adapters, hands them to
 * the use cases and starts the HTTP server. Dependency injection by hand: no container, no magic.
 */
import { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { GetOrderUseCase } from "./application/get-order.use-case.ts";
import { PlaceOrderUseCase } from "./application/place-order.use-case.ts";
import { ProductQueriesUseCase } from "./application/product-queries.use-case.ts";
import { insertProducts } from "./infrastructure/postgres/insert-products.ts";
import { pingDatabase } from "./infrastructure/postgres/ping-database.ts";
import { PostgresOrderRepository } from "./infrastructure/postgres/postgres-order.repository.ts";
import { PostgresProductRepository } from "./infrastructure/postgres/postgres-product.repository.ts";
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
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  readonly shutdown: () => Promise<void>;
};

/** How to start: the port (0 picks a free one), and either an open database or where to keep one. */
export type ServerOptions = {
  readonly port: number;
  readonly hostname?: string | undefined;
  /** A PGlite data directory; without one the database lives in memory and is gone at exit. */
  readonly dataDir?: string | undefined;
  /** An already open PGlite (tests pass one to skip the seconds PGlite takes to start); it is closed on shutdown. */
  readonly database?: PGlite | undefined;
};

/** Opens and migrates the database, seeds the products, wires the adapters and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = options.database ?? (await PGlite.create(options.dataDir));
  await runMigrations(db);
  await insertProducts(db, seedProducts());
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    placeOrder: new PlaceOrderUseCase({ unitOfWork: new PostgresUnitOfWork(db), clock: new SystemClock() }),
    getOrder: new GetOrderUseCase(new PostgresOrderRepository(db)),
    productQueries: new ProductQueriesUseCase(new PostgresProductRepository(db)),
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
          // HTTP first (in-flight requests may still need the database), then the database.
          await closeGracefully(server as Server);
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
  });
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
