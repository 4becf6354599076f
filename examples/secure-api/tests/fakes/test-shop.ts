import { LogInUseCase } from "../../src/application/log-in.use-case.ts";
import { LogOutUseCase } from "../../src/application/log-out.use-case.ts";
import { OrderUseCases } from "../../src/application/order.use-cases.ts";
import { RefreshSessionUseCase } from "../../src/application/refresh-session.use-case.ts";
import { RefreshTokenRotation } from "../../src/application/refresh-token-rotation.ts";
import { RegisterAccountUseCase } from "../../src/application/register-account.use-case.ts";
import { Account } from "../../src/domain/account.entity.ts";
import { Email } from "../../src/domain/email.value-object.ts";
import { BundledBreachedPasswords } from "../../src/infrastructure/breached-passwords.bundled-list.ts";
import { InMemoryAccountRepository } from "../../src/infrastructure/in-memory-account.repository.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { InMemoryProductCatalogue } from "../../src/infrastructure/in-memory-product-catalogue.ts";
import { InMemoryRefreshTokenStore } from "../../src/infrastructure/in-memory-refresh-token.store.ts";
import { JoseAccessTokens } from "../../src/infrastructure/jwt-issuer.jose.ts";
import { Argon2idPasswordHasher } from "../../src/infrastructure/password-hasher.argon2.ts";
import type { Argon2idParameters } from "../../src/infrastructure/password-hashing.config.ts";
import { SEED_PRICES, seedOrders } from "../../src/infrastructure/seed-data.ts";
import { SigningKeyRing } from "../../src/infrastructure/signing-key-ring.ts";
import { TokenBucketRateLimiter } from "../../src/infrastructure/token-bucket.rate-limiter.ts";
import { AUTH_PER_CLIENT, LOGIN_PER_ACCOUNT, TOKEN_SETTINGS } from "../../src/main.ts";
import { createApp } from "../../src/presentation/app.ts";
import { FakeClock } from "./fake-clock.ts";

/**
 * Cheap argon2id parameters, for tests only: at OWASP's 19 MiB and 2 passes one hash takes a few hundred
 * milliseconds here (more in the in-browser runtime), and the suite hashes dozens of times. The production
 * parameters are in src/infrastructure/password-hashing.config.ts and are what main.ts (and the smoke test) use.
 */
export const TEST_ARGON2ID: Argon2idParameters = {
  memorySize: 1024,
  iterations: 1,
  parallelism: 1,
  saltLength: 16,
  hashLength: 32,
};

export const PASSWORDS = {
  ada: "plum-harbour-lantern-42",
  grace: "violet-compiler-tide-1952",
  sam: "staff-ledger-orchid-77",
} as const;

/** The whole service wired with in-memory adapters, a fixed clock and cheap hashing; accounts as in the seed. */
export async function testShop(options: { argon2?: Argon2idParameters } = {}) {
  const clock = new FakeClock();
  const keys = new SigningKeyRing();
  await keys.rotate("test-key-1");
  const hasher = new Argon2idPasswordHasher(options.argon2 ?? TEST_ARGON2ID);
  const account = async (id: string, email: string, password: string, role: "customer" | "staff") =>
    new Account(id, Email.of(email), await hasher.hash(password), [role]);
  const accounts = new InMemoryAccountRepository([
    await account("c-1", "ada@example.com", PASSWORDS.ada, "customer"),
    await account("c-2", "grace@example.com", PASSWORDS.grace, "customer"),
    await account("s-1", "sam@example.com", PASSWORDS.sam, "staff"),
  ]);
  const refreshStore = new InMemoryRefreshTokenStore();
  const accessTokens = new JoseAccessTokens({ keys, clock, settings: TOKEN_SETTINGS });
  const refreshTokens = new RefreshTokenRotation({ store: refreshStore, clock });
  const useCases = {
    register: new RegisterAccountUseCase({ accounts, hasher, breached: new BundledBreachedPasswords() }),
    logIn: new LogInUseCase({ accounts, hasher, accessTokens, refreshTokens }),
    refresh: new RefreshSessionUseCase({ accounts, accessTokens, refreshTokens }),
    logOut: new LogOutUseCase({ refreshTokens }),
    orders: new OrderUseCases({
      orders: new InMemoryOrderRepository(seedOrders()),
      products: new InMemoryProductCatalogue(SEED_PRICES),
      clock,
    }),
  };
  const app = createApp({
    ...useCases,
    allowedHosts: undefined,
    corsOrigins: ["https://shop.example"],
    authPerClient: new TokenBucketRateLimiter(AUTH_PER_CLIENT, clock),
    loginPerAccount: new TokenBucketRateLimiter(LOGIN_PER_ACCOUNT, clock),
    accessTokens,
    jwks: () => keys.jwks(),
    isReady: () => true,
    reportUnexpectedError: () => {},
  });
  return { app, clock, keys, hasher, accounts, refreshStore, accessTokens, refreshTokens, ...useCases };
}

/** Sends JSON to the app. */
export function postJson(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}
