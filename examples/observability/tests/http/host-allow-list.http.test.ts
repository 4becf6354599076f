/**
 * The service answers only requests addressed to its own host (DNS-rebinding protection). Each request reaches the
 * middleware as Node's server delivers it: @hono/node-server passes its raw request as `env.incoming`, with the Host
 * header as sent and the port it arrived on in `socket.localPort`. Built that way here, the test runs the same in Node
 * and in the guide's in-browser runtime (where a Request cannot carry a Host header of its own). That createApp mounts
 * the middleware first is checked by the repository's tests/unit/examples/host-allow-list-wiring.test.ts, and the
 * local runner's tests call the real services over HTTP. The same file is in every example
 * (tests/unit/examples/shared-files.test.ts keeps the copies equal).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono } from "hono";
import { allowedHostsFromEnv, hostAllowList } from "../../src/presentation/host-allow-list.ts";

const PORT = 3000;

/** Sends a request the way Node's server hands it to Hono: raw headers (Host included) and the arriving port. */
async function send(
  app: Hono,
  options: { host: string; method?: string; origin?: string },
): Promise<{ status: number; type: string; body: string }> {
  const headers = { host: options.host, ...(options.origin ? { origin: options.origin } : {}) };
  const request = new Request(`http://127.0.0.1:${PORT}/health/live`, { method: options.method ?? "GET" });
  const response = await app.fetch(request, { incoming: { headers, socket: { localPort: PORT } } });
  return { status: response.status, type: String(response.headers.get("content-type")), body: await response.text() };
}

function appWith(allowedHosts?: readonly string[]): Hono {
  const app = new Hono();
  app.use(hostAllowList(allowedHosts));
  app.all("/health/live", (c) => c.json({ status: "live" }));
  return app;
}

describe("host allow-list", () => {
  it("answers its own loopback names on its own port", async () => {
    for (const name of ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"]) {
      assert.equal((await send(appWith(), { host: `${name}:${PORT}` })).status, 200, name);
    }
  });

  it("refuses a rebound name, even with a foreign Origin and for writes, with a problem saying why", async () => {
    for (const method of ["GET", "POST"]) {
      const refused = await send(appWith(), { host: `rebind.test:${PORT}`, origin: "http://rebind.test", method });
      assert.equal(refused.status, 403, method);
      assert.equal(refused.type, "application/problem+json");
      const problem = JSON.parse(refused.body) as { type: string; detail: string };
      assert.match(problem.type, /host-not-allowed$/);
      assert.match(problem.detail, /rebind\.test/);
      assert.match(problem.detail, /ALLOWED_HOSTS/);
    }
  });

  it("refuses its own name on another port", async () => {
    assert.equal((await send(appWith(), { host: `localhost:${PORT + 1}` })).status, 403);
  });

  it("answers the names ALLOWED_HOSTS configures instead (a container behind a proxy)", async () => {
    const app = appWith(allowedHostsFromEnv("shop.internal, api.example:8443"));
    const statusFor = async (host: string) => (await send(app, { host })).status;
    assert.equal(await statusFor("shop.internal"), 200);
    assert.equal(await statusFor("shop.internal:3000"), 200);
    assert.equal(await statusFor("api.example:8443"), 200);
    assert.equal(await statusFor("api.example:9999"), 403);
    assert.equal(await statusFor("localhost:3000"), 403);
  });

  it("reads ALLOWED_HOSTS as a comma-separated list; empty means the loopback default", () => {
    assert.deepEqual(allowedHostsFromEnv(" A.example ,b.example:81,, "), ["a.example", "b.example:81"]);
    assert.equal(allowedHostsFromEnv(""), undefined);
    assert.equal(allowedHostsFromEnv(undefined), undefined);
  });
});
