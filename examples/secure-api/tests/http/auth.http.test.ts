import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PASSWORDS, postJson, testShop } from "../fakes/test-shop.ts";

const PROBLEMS = "https://backend-field-guide.dev/reference/problems/#";
const login = (email: string, password: string) => ({ email, password });

describe("POST /auth/register", () => {
  it("answers a new and a taken email with the same 202 body", async () => {
    const { app } = await testShop();
    const fresh = await postJson(app, "/auth/register", login("new@example.com", "a brand new passphrase"));
    const taken = await postJson(app, "/auth/register", login("ada@example.com", "a brand new passphrase"));
    assert.deepEqual([fresh.status, taken.status], [202, 202]);
    assert.deepEqual(await fresh.json(), await taken.json());
  });

  it('refuses mass assignment: a "role" field is rejected, and no staff account appears', async () => {
    const { app } = await testShop();
    const body = { ...login("mallory@example.com", "a brand new passphrase"), role: "staff" };
    const response = await postJson(app, "/auth/register", body);
    assert.equal(response.status, 422);
    const problem = (await response.json()) as { type: string; errors: { message: string }[] };
    assert.equal(problem.type, `${PROBLEMS}validation-failed`);
    assert.match(problem.errors[0]?.message ?? "", /role/);
    const loggedIn = await postJson(app, "/auth/login", login("mallory@example.com", "a brand new passphrase"));
    assert.equal(loggedIn.status, 401, "the account was not created at all");
  });

  it("refuses a short password and a breached one with their rules", async () => {
    const { app } = await testShop();
    const short = await postJson(app, "/auth/register", login("new@example.com", "Sh0rt!"));
    const breached = await postJson(app, "/auth/register", login("new@example.com", "correct horse battery staple"));
    assert.deepEqual([short.status, ((await short.json()) as { rule: string }).rule], [422, "password.length"]);
    assert.equal(((await breached.json()) as { rule: string }).rule, "password.not-breached");
  });
});

describe("POST /auth/login", () => {
  it("returns a token pair that is never cached", async () => {
    const { app } = await testShop();
    const response = await postJson(app, "/auth/login", login("ada@example.com", PASSWORDS.ada));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const pair = (await response.json()) as Record<string, unknown>;
    assert.deepEqual([pair.tokenType, pair.expiresIn], ["Bearer", 300]);
  });

  it("says the same for an unknown email and a wrong password", async () => {
    const { app } = await testShop();
    const unknown = await postJson(app, "/auth/login", login("nobody@example.com", PASSWORDS.ada));
    const wrong = await postJson(app, "/auth/login", login("ada@example.com", "not adas password"));
    assert.deepEqual([unknown.status, wrong.status], [401, 401]);
    assert.equal(unknown.headers.get("www-authenticate"), 'Bearer realm="shop"');
    assert.deepEqual(await unknown.json(), await wrong.json());
  });

  it("tripping the login rate limit answers 429 with Retry-After, even for the right password", async () => {
    const { app, clock } = await testShop();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      assert.equal(
        (await postJson(app, "/auth/login", login("grace@example.com", "guess number " + attempt))).status,
        401,
      );
    }
    const limited = await postJson(app, "/auth/login", login("Grace@Example.com", PASSWORDS.grace));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("retry-after"), "60");
    assert.match(limited.headers.get("ratelimit-policy") ?? "", /"login-per-account";q=3;w=180/);
    assert.match(limited.headers.get("ratelimit") ?? "", /"login-per-account";r=0;t=180/);
    assert.equal(((await limited.json()) as { type: string }).type, `${PROBLEMS}rate-limited`);
    // Other accounts are not locked out by it, and time lets Grace in again.
    assert.equal((await postJson(app, "/auth/login", login("ada@example.com", PASSWORDS.ada))).status, 200);
    clock.advanceSeconds(60);
    assert.equal((await postJson(app, "/auth/login", login("grace@example.com", PASSWORDS.grace))).status, 200);
  });

  it("limits every /auth request per client address as well", async () => {
    const { app } = await testShop();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 21; attempt += 1) {
      statuses.push((await postJson(app, "/auth/refresh", { refreshToken: `guess-${attempt}` })).status);
    }
    assert.deepEqual([statuses.at(-2), statuses.at(-1)], [401, 429]);
  });
});

describe("POST /auth/refresh and /auth/logout", () => {
  async function loggedIn() {
    const shop = await testShop();
    const response = await postJson(shop.app, "/auth/login", login("ada@example.com", PASSWORDS.ada));
    return { ...shop, pair: (await response.json()) as { refreshToken: string; accessToken: string } };
  }

  it("rotates the refresh token, and a replay of the old one revokes the family", async () => {
    const { app, pair } = await loggedIn();
    const rotated = await postJson(app, "/auth/refresh", { refreshToken: pair.refreshToken });
    assert.equal(rotated.status, 200);
    const next = ((await rotated.json()) as { refreshToken: string }).refreshToken;
    const replay = await postJson(app, "/auth/refresh", { refreshToken: pair.refreshToken });
    assert.equal(replay.status, 401);
    assert.equal((await postJson(app, "/auth/refresh", { refreshToken: next })).status, 401);
  });

  it("logout revokes the session's refresh tokens", async () => {
    const { app, pair } = await loggedIn();
    assert.equal((await postJson(app, "/auth/logout", { refreshToken: pair.refreshToken })).status, 204);
    assert.equal((await postJson(app, "/auth/refresh", { refreshToken: pair.refreshToken })).status, 401);
  });
});

describe("transport and browser headers", () => {
  it("sends HSTS, a locked-down CSP and nosniff on every response, problems included", async () => {
    const { app } = await testShop();
    for (const response of [await app.request("/health/live"), await app.request("/orders/o-1")]) {
      assert.equal(response.headers.get("strict-transport-security"), "max-age=63072000; includeSubDomains");
      assert.equal(response.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
      assert.equal(response.headers.get("x-content-type-options"), "nosniff");
      assert.equal(response.headers.get("x-frame-options"), "DENY");
    }
  });

  it("publishes the key set at /.well-known/jwks.json", async () => {
    const { app } = await testShop();
    const { keys } = (await (await app.request("/.well-known/jwks.json")).json()) as { keys: { kid: string }[] };
    assert.deepEqual(
      keys.map((key) => key.kid),
      ["test-key-1"],
    );
  });
});
