import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidCredentialsError } from "../../src/application/auth-errors.ts";
import {
  REFRESH_TOKEN_TTL_SECONDS,
  RefreshTokenRotation,
  sha256Hex,
} from "../../src/application/refresh-token-rotation.ts";
import { InMemoryRefreshTokenStore } from "../../src/infrastructure/in-memory-refresh-token.store.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

function rotation() {
  const store = new InMemoryRefreshTokenStore();
  const clock = new FakeClock();
  return { store, clock, tokens: new RefreshTokenRotation({ store, clock }) };
}

const refused = (error: unknown) => error instanceof InvalidCredentialsError;

describe("refresh token rotation", () => {
  it("exchanges a token for a new one of the same family, once", async () => {
    const { tokens } = rotation();
    const first = await tokens.start("c-1");
    const second = await tokens.rotate(first);
    assert.equal(second.accountId, "c-1");
    assert.notEqual(second.refreshToken, first);
    await tokens.rotate(second.refreshToken);
  });

  it("replaying a rotated refresh token revokes its whole family", async () => {
    const { tokens } = rotation();
    const stolen = await tokens.start("c-1");
    const { refreshToken: owners } = await tokens.rotate(stolen); // the owner refreshed; the thief kept `stolen`
    await assert.rejects(tokens.rotate(stolen), /already used/);
    // The owner's newer token is of the same family: refused too, so whoever holds it must log in again.
    await assert.rejects(tokens.rotate(owners), /revoked/);
  });

  it("keeps other families alive when one is revoked", async () => {
    const { tokens } = rotation();
    const phone = await tokens.start("c-1");
    const laptop = await tokens.start("c-1");
    await tokens.rotate(phone);
    await assert.rejects(tokens.rotate(phone), refused);
    await tokens.rotate(laptop);
  });

  it("refuses an expired token and an unknown one", async () => {
    const { tokens, clock } = rotation();
    const token = await tokens.start("c-1");
    clock.advanceSeconds(REFRESH_TOKEN_TTL_SECONDS);
    await assert.rejects(tokens.rotate(token), /expired/);
    await assert.rejects(tokens.rotate("made-up-token"), /Unknown refresh token/);
  });

  it("logout revokes the family", async () => {
    const { tokens } = rotation();
    const token = await tokens.start("c-1");
    await tokens.revoke(token);
    await assert.rejects(tokens.rotate(token), /revoked/);
  });

  it("stores only the token's SHA-256, never the token", async () => {
    const { tokens, store } = rotation();
    const token = await tokens.start("c-1");
    assert.match(token, /^[\w-]{43}$/);
    const record = await store.findByHash(await sha256Hex(token));
    assert.equal(record?.accountId, "c-1");
    assert.equal(await store.findByHash(token), undefined);
  });
});
