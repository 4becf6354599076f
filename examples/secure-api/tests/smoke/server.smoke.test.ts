import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startServer, type RunningServer } from "../../src/main.ts";

// The real wiring from main.ts (OWASP's argon2id parameters included) on a free port, over real HTTP.
let server: RunningServer;
let base: string;

before(async () => {
  server = await startServer({ port: 0 });
  base = server.url;
});

after(async () => {
  await server.shutdown();
});

test("the service answers health checks, logs in, and reads the caller's order over HTTP", async () => {
  assert.equal((await fetch(`${base}/health/live`)).status, 200);
  assert.equal((await fetch(`${base}/health/ready`)).status, 200);

  const login = await fetch(`${base}/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "ada@example.com", password: "plum-harbour-lantern-42" }),
  });
  assert.equal(login.status, 200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const order = await fetch(`${base}/orders/o-1`, { headers: { Authorization: `Bearer ${accessToken}` } });
  assert.equal(order.status, 200);
  const { keys } = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
  assert.equal(keys.length, 2, "the seed key and the key that signs");
});
