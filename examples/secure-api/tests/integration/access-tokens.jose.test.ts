import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateKeyPair, SignJWT } from "jose";
import { JoseAccessTokens } from "../../src/infrastructure/jwt-issuer.jose.ts";
import { SigningKeyRing } from "../../src/infrastructure/signing-key-ring.ts";
import { TOKEN_SETTINGS } from "../../src/main.ts";
import { FakeClock } from "../fakes/fake-clock.ts";

async function tokens() {
  const keys = new SigningKeyRing();
  await keys.rotate("key-1");
  const clock = new FakeClock();
  return { keys, clock, jwt: new JoseAccessTokens({ keys, clock, settings: TOKEN_SETTINGS }) };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const nowSeconds = (clock: FakeClock) => Math.floor(clock.now().getTime() / 1000);

describe("access tokens (jose)", () => {
  it("issues a token that verifies to its subject, roles and permissions", async () => {
    const { jwt } = await tokens();
    const { token, expiresIn } = await jwt.issue("c-1", ["customer"]);
    assert.equal(expiresIn, 300);
    assert.deepEqual(await jwt.verify(token), {
      subject: "c-1",
      roles: ["customer"],
      permissions: ["orders:place", "orders:read"],
    });
  });

  it("refuses an unsigned token (alg: none)", async () => {
    const { jwt, clock } = await tokens();
    const claims = { sub: "c-2", roles: ["staff"], iss: TOKEN_SETTINGS.issuer, aud: TOKEN_SETTINGS.audience };
    const unsigned = `${base64url({ alg: "none", typ: "at+jwt" })}.${base64url({ ...claims, exp: nowSeconds(clock) + 60 })}.`;
    await assert.rejects(jwt.verify(unsigned), /must be signed with ES256/);
  });

  it("refuses HS256 signed with the published public key as its secret (algorithm confusion)", async () => {
    const { jwt, keys, clock } = await tokens();
    const publicKeyAsSecret = new TextEncoder().encode(JSON.stringify(keys.jwks().keys[0]));
    const forged = await new SignJWT({ roles: ["staff"] })
      .setProtectedHeader({ alg: "HS256", kid: "key-1", typ: "at+jwt" })
      .setIssuer(TOKEN_SETTINGS.issuer)
      .setAudience(TOKEN_SETTINGS.audience)
      .setSubject("c-2")
      .setExpirationTime(nowSeconds(clock) + 60)
      .sign(publicKeyAsSecret);
    await assert.rejects(jwt.verify(forged), /must be signed with ES256/);
  });

  it("refuses a token signed with a key that is not in the key set", async () => {
    const { jwt, clock } = await tokens();
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await new SignJWT({ roles: ["staff"] })
      .setProtectedHeader({ alg: "ES256", kid: "key-1", typ: "at+jwt" }) // claims the real kid
      .setIssuer(TOKEN_SETTINGS.issuer)
      .setAudience(TOKEN_SETTINGS.audience)
      .setSubject("c-2")
      .setExpirationTime(nowSeconds(clock) + 60)
      .sign(privateKey);
    await assert.rejects(jwt.verify(forged), /not valid/);
  });

  it("refuses an expired token (the clock is fixed, then moved past the expiry)", async () => {
    const { jwt, clock } = await tokens();
    const { token } = await jwt.issue("c-1", ["customer"]);
    clock.advanceSeconds(301);
    await assert.rejects(jwt.verify(token), /expired/);
  });

  it("refuses a token for another audience, or from another issuer", async () => {
    const { jwt, keys, clock } = await tokens();
    const elsewhere = new JoseAccessTokens({
      keys,
      clock,
      settings: { ...TOKEN_SETTINGS, audience: "https://billing.example" },
    });
    await assert.rejects(jwt.verify((await elsewhere.issue("c-1", ["customer"])).token), /"aud" claim/);
    const impostor = new JoseAccessTokens({
      keys,
      clock,
      settings: { ...TOKEN_SETTINGS, issuer: "https://evil.example" },
    });
    await assert.rejects(jwt.verify((await impostor.issue("c-1", ["customer"])).token), /"iss" claim/);
  });

  it("a token signed with the old key still verifies after a rotation, until the key leaves the set", async () => {
    const { jwt, keys } = await tokens();
    const { token } = await jwt.issue("c-1", ["customer"]);
    await keys.rotate("key-2");
    assert.equal((await jwt.verify(token)).subject, "c-1");
    assert.match((await jwt.issue("c-1", ["customer"])).token, /^eyJ/);
    assert.deepEqual(
      keys.jwks().keys.map((key) => key.kid),
      ["key-1", "key-2"],
    );
    keys.retire("key-1");
    await assert.rejects(jwt.verify(token), /not valid/);
  });

  it("publishes public keys only", async () => {
    const { keys } = await tokens();
    for (const key of keys.jwks().keys) {
      assert.equal(key.d, undefined);
      assert.deepEqual([key.alg, key.use], ["ES256", "sig"]);
    }
  });
});
