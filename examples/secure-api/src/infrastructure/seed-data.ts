import type { JWK } from "jose";
import { sha256Hex } from "../application/refresh-token-rotation.ts";
import type { RefreshTokenRecord } from "../application/ports/refresh-token.store.port.ts";
import { Account } from "../domain/account.entity.ts";
import { Email } from "../domain/email.value-object.ts";
import { Order, type Amount } from "../domain/order.entity.ts";

// Seed data so the README's requests work at once. Passwords (for trying the login): ada@example.com
// "plum-harbour-lantern-42", grace@example.com "violet-compiler-tide-1952", sam@example.com (staff)
// "staff-ledger-orchid-77". Stored only as argon2id hashes made with the OWASP parameters.

export function seedAccounts(): Account[] {
  const account = (id: string, email: string, hash: string, role: "customer" | "staff") =>
    new Account(id, Email.of(email), hash, [role]);
  return [
    account(
      "c-1",
      "ada@example.com",
      "$argon2id$v=19$m=19456,t=2,p=1$sKrs+C6wASvG2LcdvlaWoQ$GPJ2mhDw3n28cnEMxTOwVU5qKRKabOXX6DRJjocivtg",
      "customer",
    ),
    account(
      "c-2",
      "grace@example.com",
      "$argon2id$v=19$m=19456,t=2,p=1$66U2YO4Hzf2UgKljy5E9lQ$cWdknDz0AxwQnFQxobYayIpywzFgAZNVbJtxm3ByI6c",
      "customer",
    ),
    account(
      "s-1",
      "sam@example.com",
      "$argon2id$v=19$m=19456,t=2,p=1$3GTW8csCIybaQf20PCXU0A$gzVJBWfuu33EhruXWvdfYiU65DwEFktCB7ULlHiCWh0",
      "staff",
    ),
  ];
}

const eur = (minorUnits: number): Amount => ({ minorUnits, currency: "EUR" });

/** The catalogue's prices. */
export const SEED_PRICES: Readonly<Record<string, Amount>> = { "p-1": eur(1250), "p-2": eur(899), "p-3": eur(4500) };

/** o-1 is Ada's (c-1), o-2 is Grace's (c-2). */
export function seedOrders(): Order[] {
  const placedAt = new Date("2026-11-30T10:00:00Z");
  return [
    Order.restore("o-1", "c-1", [{ productId: "p-1", quantity: 2, unitPrice: eur(1250) }], placedAt),
    Order.restore("o-2", "c-2", [{ productId: "p-3", quantity: 1, unitPrice: eur(4500) }], placedAt),
  ];
}

/**
 * Refresh tokens the README sends. Ada's family has one token already exchanged (as if a thief kept a copy)
 * and its current successor; Grace's family has one unused token. Stored hashed, like every refresh token.
 */
export async function seedRefreshTokens(now: Date): Promise<RefreshTokenRecord[]> {
  const expiresAt = new Date(now.getTime() + 14 * 24 * 60 * 60 * 1000);
  const record = async (token: string, familyId: string, accountId: string, usedAt: Date | null) => ({
    tokenHash: await sha256Hex(token),
    familyId,
    accountId,
    expiresAt,
    usedAt,
  });
  return Promise.all([
    record("ada-seed-refresh-token-rotated", "family-ada", "c-1", new Date("2026-11-30T10:05:00Z")),
    record("ada-seed-refresh-token-current", "family-ada", "c-1", null),
    record("grace-seed-refresh-token", "family-grace", "c-2", null),
  ]);
}

/**
 * A development-only signing key, so the README can carry ready-made access tokens (signed with it, valid until
 * 2100) instead of asking you to copy one from a login. It is committed here, so it is public: a real service
 * loads its keys from a secret manager and never has this one in its key set.
 */
export const SEED_SIGNING_KEY: { kid: string; privateJwk: JWK } = {
  kid: "seed-2026-12",
  privateJwk: {
    kty: "EC",
    crv: "P-256",
    x: "S_q1KqMQkC_HPRp6qvjBCbp37yt099C6yQ2JVzXXxCM",
    y: "ww1iWXSDTq-BWS2KFSuIuXZVyddDdZZtgS5sy67-jh8",
    d: "8jD2aaVsMlSiOE1blG9q0im2aQCkLGI8RBNdI8eUUEI",
  },
};
