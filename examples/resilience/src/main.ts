/**
 * The composition root: the one place that picks adapters, wraps the payments client in its policies,
 * and starts the HTTP server. Two services run here: orders (the shop) and payments (its upstream),
 * mounted under /payments on the same port so the example needs one process and one port.
 */
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { GetOrderPaymentUseCase } from "./application/use-cases/get-order-payment.use-case.ts";
import { GetOrderUseCase } from "./application/use-cases/get-order.use-case.ts";
import { PlaceOrderUseCase } from "./application/use-cases/place-order.use-case.ts";
import { HttpPaymentGateway } from "./infrastructure/http-payment.gateway.ts";
import { InMemoryOrderRepository } from "./infrastructure/in-memory-order.repository.ts";
import { InMemoryProductCatalog } from "./infrastructure/in-memory-product.catalog.ts";
import { CallPolicies, PAYMENT_CALL_POLICIES, type CallPolicyOptions } from "./infrastructure/payment-call-policies.ts";
import { seedPaidOrder, seedProducts } from "./infrastructure/seed-data.ts";
import { inProcessFetch } from "./infrastructure/simulated-payments/in-process-network.ts";
import { FaultSwitchboard } from "./infrastructure/simulated-payments/payment-faults.ts";
import { createPaymentsApp } from "./infrastructure/simulated-payments/payments.app.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";

/**
 * Both services wired together, without a server: what the HTTP tests and the server share. With
 * `paymentsUrl` (PAYMENTS_URL in `npm start`), orders calls a payments service at that URL with the
 * global fetch instead of the one mounted here.
 */
export function wireServices(
  options: {
    policies?: CallPolicyOptions;
    random?: () => number;
    paymentsUrl?: string;
    /** Where the policies report retries, timeouts, shed calls and breaker changes. */
    log?: (line: string) => void;
    /** Start with the paid order o-1 (default); tests that count charges and orders start empty. */
    seedOrders?: boolean;
  } = {},
) {
  const products = seedProducts();
  const seed = options.seedOrders === false ? undefined : seedPaidOrder(products);
  const faults = new FaultSwitchboard();
  const payments = createPaymentsApp({ faults, random: options.random, charges: seed ? [seed.charge] : [] });
  const policies = new CallPolicies("payments", options.policies ?? PAYMENT_CALL_POLICIES, options.log);
  // One long-lived client per dependency: created here once, never per request.
  const paymentGateway = new HttpPaymentGateway({
    baseUrl: options.paymentsUrl ?? "http://payments.internal",
    fetch: options.paymentsUrl ? fetch : inProcessFetch(payments.app, faults),
    policies,
    userAgent: "field-guide-orders/1.0",
  });
  const orders = new InMemoryOrderRepository(seed ? [seed.order] : []);
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    placeOrder: new PlaceOrderUseCase({
      catalog: new InMemoryProductCatalog(products),
      payments: paymentGateway,
      orders,
      clock: new SystemClock(),
    }),
    getOrder: new GetOrderUseCase({ orders }),
    getOrderPayment: new GetOrderPaymentUseCase({ orders, payments: paymentGateway }),
    policies: [policies],
    // Ready means able to serve. A payments outage is not ours: the breaker answers fast 503s for it,
    // and taking every orders instance out of rotation would turn a partial outage into a full one.
    isReady: () => !shuttingDown,
    reportUnexpectedError: (error) => console.error(error),
  });
  app.route("/payments", payments.app);
  return { app, faults, payments, policies, orders, stopReady: () => (shuttingDown = true) };
}

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  readonly shutdown: () => Promise<void>;
};

/** Wires the services and listens on `port` (0 picks a free one). */
export function startServer(options: {
  port: number;
  hostname?: string;
  paymentsUrl?: string;
  log?: (line: string) => void;
}): Promise<RunningServer> {
  const services = wireServices({ paymentsUrl: options.paymentsUrl, log: options.log });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: services.app.fetch, port: options.port, hostname: options.hostname },
      (info: AddressInfo) =>
        resolve({
          port: info.port,
          url: `http://localhost:${info.port}`,
          shutdown: () => {
            services.stopReady(); // /health/ready now answers 503, so a load balancer stops sending traffic
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
  const server = await startServer({
    port: portFromEnv(process.env.PORT),
    hostname: process.env.HOST || undefined,
    paymentsUrl: process.env.PAYMENTS_URL || undefined,
    log: (line) => console.log(line),
  });
  console.log(`listening on ${server.url}`);

  const stop = (signal: string) => {
    console.log(`${signal}: stopping`);
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
