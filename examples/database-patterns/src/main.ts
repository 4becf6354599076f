/**
 * The composition root: the one place that opens the database, migrates it, picks the adapters, hands
 * them to the use cases and starts the HTTP server. DATABASE_URL set: a Postgres server through
 * node-postgres; unset: PGlite in this process. Both go through the same Kysely queries and migrations.
 */
import { PGlite } from "@electric-sql/pglite";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { sql, type Kysely, type PostgresPool } from "kysely";
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { ChangeProductUseCase } from "./application/change-product.use-case.ts";
import { ListOrdersUseCase } from "./application/list-orders.use-case.ts";
import { RelayOutboxUseCase } from "./application/relay-outbox.use-case.ts";
import { InMemoryPublisher } from "./infrastructure/in-memory-publisher.ts";
import type { Database } from "./infrastructure/postgres/database-schema.ts";
import { KyselyOrderQueries } from "./infrastructure/postgres/kysely-order.queries.ts";
import { KyselyOutboxStore } from "./infrastructure/postgres/kysely-outbox.store.ts";
import { KyselyProductRepository } from "./infrastructure/postgres/kysely-product.repository.ts";
import type { NameColumns } from "./infrastructure/postgres/name-columns.ts";
import { migrateToLatest } from "./infrastructure/postgres/migrate.ts";
import { openKysely } from "./infrastructure/postgres/open-kysely.ts";
import { PGlitePool } from "./infrastructure/postgres/pglite-pool.ts";
import { QueryCounter } from "./infrastructure/postgres/query-counter.ts";
import { recordQuerySpans } from "./infrastructure/postgres/query-spans.ts";
import { seedOrders, seedProducts } from "./infrastructure/seed-data.ts";
import { RECENT_TRACES_PATH } from "./infrastructure/tracing/recent-traces.ts";
import { traced } from "./infrastructure/tracing/traced.ts";
import { startTracing, type Tracing } from "./infrastructure/tracing/tracing.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  readonly shutdown: () => Promise<void>;
};

/** How to start: the port (0 picks a free one), and where the database is. */
export type ServerOptions = {
  readonly port: number;
  readonly hostname?: string | undefined;
  /** A Postgres server, e.g. postgres://user:password@127.0.0.1:5432/shop; without one, PGlite. */
  readonly databaseUrl?: string | undefined;
  /** A PGlite data directory; without one (and without databaseUrl) the database lives in memory. */
  readonly dataDir?: string | undefined;
  /** An already open pool (tests pass one to reuse a database); it is closed on shutdown. */
  readonly pool?: PostgresPool | undefined;
};

/** The pool the options ask for. */
export async function openPool(options: Pick<ServerOptions, "databaseUrl" | "dataDir">): Promise<PostgresPool> {
  if (options.databaseUrl) {
    // Loaded only when configured, so PGlite users, and the in-browser sandbox, never load the pg driver.
    const { nodePostgresPool } = await import("./infrastructure/postgres/node-postgres-pool.ts");
    return nodePostgresPool(options.databaseUrl);
  }
  return new PGlitePool(await PGlite.create(options.dataDir));
}

/** True when the database answers a trivial query; never throws, so a readiness probe can call it. */
async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Builds the HTTP app on an open, migrated database: the adapters, the use cases, the routes. */
export function wireApp(
  db: Kysely<Database>,
  counter: QueryCounter,
  options: {
    isReady?: () => Promise<boolean>;
    nameColumns?: NameColumns;
    reportUnexpectedError?: (error: unknown) => void;
    /** Spans per layer when given: use cases and repositories are wrapped here, so neither imports OpenTelemetry. */
    tracing?: Tracing;
  } = {},
): Hono {
  const publisher = new InMemoryPublisher();
  const { tracing } = options;
  const inSpans = <T extends object>(layer: "application" | "infrastructure", target: T): T =>
    tracing ? traced(tracing.tracer, layer, target) : target;
  const products = inSpans("infrastructure", new KyselyProductRepository(db, options.nameColumns));
  const orders = inSpans("infrastructure", new KyselyOrderQueries(db));
  const outbox = inSpans("infrastructure", new KyselyOutboxStore(db));
  return createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    products: inSpans("application", new ChangeProductUseCase(products)),
    listOrders: inSpans("application", new ListOrdersUseCase(orders)),
    relayOutbox: inSpans("application", new RelayOutboxUseCase(outbox, publisher)),
    published: () => publisher.published,
    measureQueries: (work) => counter.measure(work),
    isReady: options.isReady ?? (() => ping(db)),
    reportUnexpectedError: options.reportUnexpectedError ?? ((error) => console.error("unexpected error:", error)),
    tracing: tracing && { tracer: tracing.tracer, untracedPaths: [RECENT_TRACES_PATH] },
  });
}

/** Opens and migrates the database, seeds it, wires the adapters and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const counter = new QueryCounter();
  const tracing = startTracing("database-patterns");
  const db = openKysely(options.pool ?? (await openPool(options)), counter, recordQuerySpans(tracing.tracer));
  try {
    await migrateToLatest(db);
    await seedProducts(db);
    await seedOrders(db);
  } catch (error) {
    await db.destroy(); // an open pool would keep the process alive after the error
    await tracing.shutdown();
    throw error;
  }
  let shuttingDown = false;
  const app = wireApp(db, counter, { isReady: async () => !shuttingDown && (await ping(db)), tracing });
  // The last traces, for the guide's sandbox to draw: a development aid, never served in production.
  if (process.env.NODE_ENV !== "production") {
    app.get(RECENT_TRACES_PATH, (c) => c.json(tracing.recentTraces.recent(c.req.query("traceId"))));
  }

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        shutdown: async () => {
          shuttingDown = true; // /health/ready now answers 503, so a load balancer stops sending traffic
          // HTTP first (in-flight requests may still need the database), then the database.
          await closeGracefully(server as Server);
          await db.destroy();
          await tracing.shutdown();
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
