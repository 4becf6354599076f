// Composition root: the one place that knows every concrete class. It wires adapters into use
// cases, hands them to the HTTP app, starts listening, and shuts down gracefully.
import { serve } from "@hono/node-server";
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { OrderUseCases } from "./application/use-cases/order.use-cases.ts";
import { ProductUseCases } from "./application/use-cases/product.use-cases.ts";
import type { IdempotencyStore } from "./application/ports/idempotency-store.port.ts";
import { InMemoryIdempotencyStore } from "./infrastructure/in-memory-idempotency.store.ts";
import { InMemoryOrderRepository } from "./infrastructure/in-memory-order.repository.ts";
import { InMemoryProductRepository } from "./infrastructure/in-memory-product.repository.ts";
import { PostgresIdempotencyStore } from "./infrastructure/postgres-idempotency.store.ts";
import { seedOrders, seedProducts, seedTokens } from "./infrastructure/seed-data.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { RECENT_TRACES_PATH } from "./infrastructure/tracing/recent-traces.ts";
import { traced } from "./infrastructure/tracing/traced.ts";
import { startTracing } from "./infrastructure/tracing/tracing.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/** v1's timetable, announced in its responses: deprecated since 1 January 2026, switched off on 1 July 2027. */
export const V1_DEPRECATION = {
  deprecatedAt: new Date("2026-01-01T00:00:00Z"),
  sunsetAt: new Date("2027-07-01T00:00:00Z"),
  migrationGuide: "https://backend-field-guide.dev/interfaces-data/api-design/#versions-and-deprecation",
};

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then releases resources. */
  readonly shutdown: () => Promise<void>;
};

/**
 * The idempotency store: a Postgres table when DATABASE_URL is set (node-postgres, an optional dependency, loaded
 * only then), so every instance shares the keys; otherwise one process's memory.
 */
async function idempotencyStoreFromEnv(): Promise<{
  store: IdempotencyStore;
  ping: () => Promise<boolean>;
  close: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === "") {
    return { store: new InMemoryIdempotencyStore(), ping: async () => true, close: async () => {} };
  }
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: url });
  const ping = () =>
    pool.query("SELECT 1").then(
      () => true,
      () => false,
    );
  return { store: await PostgresIdempotencyStore.create(pool), ping, close: () => pool.end() };
}

/** Wires the real adapters and listens on `port` (0 picks a free one). */
export async function startServer(options: { port: number; hostname?: string | undefined }): Promise<RunningServer> {
  const idempotency = await idempotencyStoreFromEnv();
  const tracing = startTracing("api-design");
  // Each layer's spans: use cases (application) and repositories (infrastructure) wrapped here, so neither
  // imports OpenTelemetry; the routes' spans come from the request-tracing middleware (presentation).
  const products = traced(tracing.tracer, "infrastructure", new InMemoryProductRepository(seedProducts()));
  const orders = traced(tracing.tracer, "infrastructure", new InMemoryOrderRepository(seedOrders()));
  const tokens = seedTokens();
  const clock = new SystemClock();
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    products: traced(tracing.tracer, "application", new ProductUseCases({ products, clock })),
    orders: traced(tracing.tracer, "application", new OrderUseCases({ orders, products, clock })),
    idempotencyStore: idempotency.store,
    clock,
    authenticate: (token) => tokens.get(token),
    v1Deprecation: V1_DEPRECATION,
    // In-memory adapters are ready as soon as they exist; the database, when there is one, must answer.
    isReady: async () => !shuttingDown && (await idempotency.ping()),
    reportUnexpectedError: (error) => console.error("unexpected error:", error),
    tracing: { tracer: tracing.tracer, untracedPaths: [RECENT_TRACES_PATH] },
  });
  // The last traces, for the guide's sandbox to draw: a development aid, never served in production.
  if (process.env.NODE_ENV !== "production") {
    app.get(RECENT_TRACES_PATH, (c) => c.json(tracing.recentTraces.recent(c.req.query("traceId"))));
  }

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        shutdown: () => {
          shuttingDown = true; // /health/ready now answers 503, so a load balancer stops sending traffic
          // The database pool closes after the server, once no request can use it any more.
          return closeGracefully(server as Server)
            .then(idempotency.close)
            .then(tracing.shutdown);
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
