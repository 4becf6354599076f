import { InvalidCredentialsError } from "./auth-errors.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { RefreshTokenStore } from "./ports/refresh-token.store.port.ts";

/** How long a refresh token lives if nobody uses it. Each use replaces it with a new one. */
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;

/** 32 random bytes, base64url: an opaque token with nothing in it to decode or forge. */
export function newRefreshToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/**
 * The token's SHA-256, in hex: what the store keeps, so a leaked table holds nothing a client could send.
 * WebCrypto (`crypto.subtle`) rather than node:crypto, so the same code runs in a browser runtime. A fast hash
 * is enough here, unlike for passwords: the token is 256 random bits, not something a person chose.
 */
export async function sha256Hex(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Refresh tokens that are rotated on every use, with reuse detection per family (one family per login). */
export class RefreshTokenRotation {
  private readonly deps: { store: RefreshTokenStore; clock: Clock };

  constructor(deps: { store: RefreshTokenStore; clock: Clock }) {
    this.deps = deps;
  }

  /** Opens a new family for a fresh login and returns its first token. */
  start(accountId: string): Promise<string> {
    return this.issue(accountId, crypto.randomUUID());
  }

  /**
   * Exchanges a refresh token for its successor in the same family. A token that was already exchanged is being
   * replayed (stolen, or a client bug): the thief and the owner now hold tokens of one family, and the service
   * cannot tell which is which, so the whole family is revoked and both must log in again.
   */
  async rotate(presented: string): Promise<{ accountId: string; refreshToken: string }> {
    const { store, clock } = this.deps;
    const record = await store.findByHash(await sha256Hex(presented));
    if (record === undefined) throw new InvalidCredentialsError("Unknown refresh token; log in again");
    if (await store.isFamilyRevoked(record.familyId)) {
      throw new InvalidCredentialsError("This refresh token's session has been revoked; log in again");
    }
    const now = clock.now();
    if (record.expiresAt <= now) throw new InvalidCredentialsError("This refresh token has expired; log in again");
    // markUsed is a compare-and-set: of two requests racing with one token, only one wins.
    if (record.usedAt !== null || !(await store.markUsed(record.tokenHash, now))) {
      await store.revokeFamily(record.familyId);
      throw new InvalidCredentialsError(
        "This refresh token was already used, so its session has been revoked on every device; log in again",
      );
    }
    return { accountId: record.accountId, refreshToken: await this.issue(record.accountId, record.familyId) };
  }

  /** Logout: revokes the family of the presented token, if there is one. Says nothing about unknown tokens. */
  async revoke(presented: string): Promise<void> {
    const record = await this.deps.store.findByHash(await sha256Hex(presented));
    if (record !== undefined) await this.deps.store.revokeFamily(record.familyId);
  }

  private async issue(accountId: string, familyId: string): Promise<string> {
    const token = newRefreshToken();
    const expiresAt = new Date(this.deps.clock.now().getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.deps.store.add({ tokenHash: await sha256Hex(token), familyId, accountId, expiresAt, usedAt: null });
    return token;
  }
}
