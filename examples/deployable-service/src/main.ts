/**
 * The composition root: reads and validates the configuration, picks adapters, hands them to the use
 * cases, starts the HTTP server, and owns the process: the shutdown on SIGTERM and its hard deadline.
 */
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { DependencyCheck } from "./application/ports/dependency-check.port.ts";
import { CheckReadinessUseCase } from "./application/use-cases/check-readiness.use-case.ts";
import { CreateOrderUseCase } from "./application/use-cases/create-order.use-case.ts";
import { GetOrderUseCase } from "./application/use-cases/get-order.use-case.ts";
import { ListOrdersUseCase } from "./application/use-cases/list-orders.use-case.ts";
import { parseConfig, type Config } from "./config.ts";
import { shutDownGracefully } from "./graceful-shutdown.ts";
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
  /** Readiness 503, drain, stop accepting, finish in-flight requests, close resources; then resolves. */
  readonly shutdown: (log?: (line: string) => void) => Promise<void>;
};

/** Checks for the servers the configuration names: the database and broker are required, the cache is not. */
async function dependencyChecks(config: Config): Promise<DependencyCheck[]> {
  const servers = [
    { name: "database", url: config.DATABASE_URL, required: true },
    { name: "cache", url: config.REDIS_URL, required: false },
    { name: "broker", url: config.AMQP_URL, required: true },
  ];
  if (servers.every((server) => server.url === undefined)) return [];
  // Loaded only when a URL is set: a web page (the in-browser runtime) cannot open TCP connections.
  const { TcpDependencyCheck } = await import("./infrastructure/tcp-dependency.check.ts");
  return servers.flatMap(({ name, url, required }) =>
    url === undefined ? [] : [new TcpDependencyCheck(name, url, required)],
  );
}

/** Wires the real adapters and listens on `port` (0 picks a free one). */
export async function startServer(options: {
  port: number;
  hostname?: string | undefined;
  config?: Config;
}): Promise<RunningServer> {
  const config = options.config ?? parseConfig({});
  const seed = seedData();
  const customers = new InMemoryCustomerRepository(seed.customers);
  const products = new InMemoryProductRepository(seed.products);
  const orders = new InMemoryOrderRepository(seed.orders);
  const clock = new SystemClock();
  let shuttingDown = false;
  const readiness = new CheckReadinessUseCase({
    checks: await dependencyChecks(config),
    timeoutMs: config.READINESS_TIMEOUT_MS,
    isShuttingDown: () => shuttingDown,
  });

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    createOrder: new CreateOrderUseCase({ customers, products, orders, clock }),
    getOrder: new GetOrderUseCase({ orders }),
    listOrders: new ListOrdersUseCase({ orders }),
    checkReadiness: () => readiness.execute(),
    demoLatencyMs: config.DEMO_LATENCY_MS,
    reportUnexpectedError: (error) => console.error("unexpected error:", error),
  });

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info: AddressInfo) =>
      resolve({
        port: info.port,
        url: `http://localhost:${info.port}`,
        shutdown: (log = () => undefined) =>
          shutDownGracefully({
            markNotReady: () => {
              shuttingDown = true;
            },
            drainDelayMs: config.DRAIN_DELAY_MS,
            closeServer: () => closeGracefully(server as Server),
            // The orders live in memory here: no consumer, cache client or pool to close. A service with
            // them lists them here, in this order (see tests/unit/graceful-shutdown.test.ts).
            consumers: [],
            caches: [],
            databases: [],
            log,
          }),
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

/** `node src/main.ts`: validate the configuration, listen, and shut down gracefully on SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = parseConfig(process.env); // a ConfigError names every bad variable; we exit 1 below
  const server = await startServer({ port: config.PORT, hostname: config.HOST, config });
  console.log(`listening on ${server.url}`);

  const stop = (signal: string) => {
    console.log(`${signal} received`);
    // The hard deadline: past it, exit 1 ourselves rather than be killed mid-write by the orchestrator.
    const deadlineMs = config.DRAIN_DELAY_MS + config.SHUTDOWN_TIMEOUT_MS;
    setTimeout(() => {
      console.error(`shutdown did not finish within ${deadlineMs} ms; exiting with 1`);
      process.exit(1);
    }, deadlineMs).unref();
    server
      .shutdown((line) => console.log(line))
      .then(
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
