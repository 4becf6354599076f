// Composition root: the one place that knows every concrete class. It wires adapters into use
// cases, hands them to the HTTP app, starts listening, and shuts down gracefully.
import { serve } from "@hono/node-server";
import { realpathSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { LogInUseCase } from "./application/log-in.use-case.ts";
import { LogOutUseCase } from "./application/log-out.use-case.ts";
import { OrderUseCases } from "./application/order.use-cases.ts";
import { RefreshSessionUseCase } from "./application/refresh-session.use-case.ts";
import { RefreshTokenRotation } from "./application/refresh-token-rotation.ts";
import { RegisterAccountUseCase } from "./application/register-account.use-case.ts";
import { BundledBreachedPasswords } from "./infrastructure/breached-passwords.bundled-list.ts";
import { InMemoryAccountRepository } from "./infrastructure/in-memory-account.repository.ts";
import { InMemoryOrderRepository } from "./infrastructure/in-memory-order.repository.ts";
import { InMemoryProductCatalogue } from "./infrastructure/in-memory-product-catalogue.ts";
import { InMemoryRefreshTokenStore } from "./infrastructure/in-memory-refresh-token.store.ts";
import { JoseAccessTokens, type TokenSettings } from "./infrastructure/jwt-issuer.jose.ts";
import { Argon2idPasswordHasher } from "./infrastructure/password-hasher.argon2.ts";
import { OWASP_ARGON2ID } from "./infrastructure/password-hashing.config.ts";
import {
  SEED_PRICES,
  SEED_SIGNING_KEY,
  seedAccounts,
  seedOrders,
  seedRefreshTokens,
} from "./infrastructure/seed-data.ts";
import { SigningKeyRing } from "./infrastructure/signing-key-ring.ts";
import { SystemClock } from "./infrastructure/system-clock.ts";
import { TokenBucketRateLimiter } from "./infrastructure/token-bucket.rate-limiter.ts";
import { createApp } from "./presentation/app.ts";
import { allowedHostsFromEnv } from "./presentation/host-allow-list.ts";
import { corsOriginsFromEnv } from "./presentation/middleware/security-headers.ts";

/** Who signs the access tokens, who they are for, and how long they live (five minutes). */
export const TOKEN_SETTINGS: TokenSettings = {
  issuer: "https://shop.example/auth",
  audience: "https://shop.example/api",
  ttlSeconds: 300,
};

/** The login limits: 20 auth requests a minute per client address, 3 login attempts, then one a minute, per account. */
export const AUTH_PER_CLIENT = { name: "auth-per-client", quota: 20, windowSeconds: 60 };
export const LOGIN_PER_ACCOUNT = { name: "login-per-account", quota: 3, windowSeconds: 180 };

/** A started server: where it listens, and how to stop it gracefully. */
export type RunningServer = {
  readonly port: number;
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then releases resources. */
  readonly shutdown: () => Promise<void>;
};

/** The key ring: the development seed key (it verifies the README's tokens) and a fresh key that signs. */
async function keyRing(): Promise<SigningKeyRing> {
  const keys = new SigningKeyRing();
  await keys.load(SEED_SIGNING_KEY.kid, SEED_SIGNING_KEY.privateJwk);
  await keys.rotate(`key-${new Date().toISOString().slice(0, 10)}`);
  return keys;
}

/** Wires the real adapters and listens on `port` (0 picks a free one). */
export async function startServer(options: { port: number; hostname?: string | undefined }): Promise<RunningServer> {
  const clock = new SystemClock();
  const keys = await keyRing();
  const accounts = new InMemoryAccountRepository(seedAccounts());
  const refreshStore = new InMemoryRefreshTokenStore();
  for (const record of await seedRefreshTokens(clock.now())) await refreshStore.add(record);
  const hasher = new Argon2idPasswordHasher(OWASP_ARGON2ID);
  const accessTokens = new JoseAccessTokens({ keys, clock, settings: TOKEN_SETTINGS });
  const refreshTokens = new RefreshTokenRotation({ store: refreshStore, clock });
  let shuttingDown = false;

  const app = createApp({
    allowedHosts: allowedHostsFromEnv(process.env.ALLOWED_HOSTS),
    corsOrigins: corsOriginsFromEnv(process.env.CORS_ORIGINS),
    register: new RegisterAccountUseCase({ accounts, hasher, breached: new BundledBreachedPasswords() }),
    logIn: new LogInUseCase({ accounts, hasher, accessTokens, refreshTokens }),
    refresh: new RefreshSessionUseCase({ accounts, accessTokens, refreshTokens }),
    logOut: new LogOutUseCase({ refreshTokens }),
    authPerClient: new TokenBucketRateLimiter(AUTH_PER_CLIENT, clock),
    loginPerAccount: new TokenBucketRateLimiter(LOGIN_PER_ACCOUNT, clock),
    orders: new OrderUseCases({
      orders: new InMemoryOrderRepository(seedOrders()),
      products: new InMemoryProductCatalogue(SEED_PRICES),
      clock,
    }),
    accessTokens,
    jwks: () => keys.jwks(),
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
