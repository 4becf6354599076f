/**
 * The composition root: the one place that opens the database, picks the adapters, hands them to
 * the use cases and starts the HTTP server. Dependency injection by hand: no container, no magic.
 * DATABASE_URL set: a Postgres server through node-postgres; unset: PGlite in this process.
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
import { PGliteDatabase } from "./infrastructure/postgres/pglite-database.ts";
import { PostgresOrderRepository } from "./infrastructure/postgres/postgres-order.repository.ts";
import { PostgresProductRepository } from "./infrastructure/postgres/postgres-product.repository.ts";
import { PostgresUnitOfWork } from "./infrastructure/postgres/postgres-unit-of-work.ts";
import { runMigrations } from "./infrastructure/postgres/run-migrations.ts";
import type { SqlDatabase } from "./infrastructure/postgres/sql-client.ts";
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

/** How to start: the port (0 picks a free one), and either an open database or where to find one. */
export type ServerOptions = {
  readonly port: number;
  readonly hostname?: string | undefined;
  /** A Postgres server, e.g. postgres://user:password@127.0.0.1:5432/shop; without one, PGlite. */
  readonly databaseUrl?: string | undefined;
  /** A PGlite data directory; without one (and without databaseUrl) the database lives in memory. */
  readonly dataDir?: string | undefined;
  /** An already open database (tests pass one to skip the seconds PGlite takes to start); it is closed on shutdown. */
  readonly database?: SqlDatabase | undefined;
};

/** The database the options ask for. */
async function openDatabase(options: ServerOptions): Promise<SqlDatabase> {
  if (options.databaseUrl) {
    // Loaded only when configured, so PGlite users, and the in-browser sandbox, never load the pg driver.
    const { NodePostgresDatabase } = await import("./infrastructure/postgres/node-postgres-database.ts");
    return NodePostgresDatabase.connect(options.databaseUrl);
  }
  return new PGliteDatabase(await PGlite.create(options.dataDir));
}

/** Opens and migrates the database, seeds the products, wires the adapters and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const db = options.database ?? (await openDatabase(options));
  try {
    await runMigrations(db);
    await insertProducts(db, seedProducts());
  } catch (error) {
    await db.close(); // an open pool would keep the process alive after the error
    throw error;
  }
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    placeOrder: new PlaceOrderUseCase({
      uowFactory: () => new PostgresUnitOfWork(db),
      clock: new SystemClock(),
    }),
    getOrder: new GetOrderUseCase(new PostgresOrderRepository(db)),
    productQueries: new ProductQueriesUseCase(new PostgresProductRepository(db)),
    isReady: async () => !shuttingDown && (await db.ping()),
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
    databaseUrl: process.env.DATABASE_URL || undefined,
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
