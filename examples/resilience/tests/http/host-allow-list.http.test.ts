/**
 * The service answers only requests addressed to its own host (DNS-rebinding protection), over real
 * HTTP, as Node's server delivers them (the arriving port comes from the socket). The middleware is
 * served alone so the test stays fast in every example (starting the real composition root costs a
 * database in some); that createApp mounts it first is checked by the repository's
 * tests/unit/examples/host-allow-list-wiring.test.ts. The same file is in every example
 * (tests/unit/examples/shared-files.test.ts keeps the copies equal).
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { allowedHostsFromEnv, hostAllowList } from "../../src/presentation/host-allow-list.ts";

/** Sends a request to 127.0.0.1:<port> with exactly the Host (and Origin) given, as a rebinding page would. */
function send(
  port: number,
  options: { host: string; method?: string; origin?: string },
): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: "127.0.0.1",
        port,
        path: "/health/live",
        method: options.method ?? "GET",
        headers: { host: options.host, ...(options.origin ? { origin: options.origin } : {}) },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body }),
        );
      },
    );
    outgoing.once("error", reject);
    outgoing.end();
  });
}

describe("host allow-list", () => {
  let server: ServerType;
  let port = 0;
  before(async () => {
    const app = new Hono();
    app.use(hostAllowList());
    app.all("/health/live", (c) => c.json({ status: "live" }));
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers its own loopback names on its own port", async () => {
    for (const name of ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"]) {
      assert.equal((await send(port, { host: `${name}:${port}` })).status, 200, name);
    }
  });

  it("refuses a rebound name, even with a foreign Origin and for writes, with a problem saying why", async () => {
    for (const method of ["GET", "POST"]) {
      const refused = await send(port, {
        host: `rebind.test:${port}`,
        origin: "http://rebind.test",
        method,
      });
      assert.equal(refused.status, 403, method);
      assert.equal(refused.type, "application/problem+json");
      const problem = JSON.parse(refused.body) as { type: string; detail: string };
      assert.match(problem.type, /host-not-allowed$/);
      assert.match(problem.detail, /rebind\.test/);
      assert.match(problem.detail, /ALLOWED_HOSTS/);
    }
  });

  it("refuses its own name on another port", async () => {
    assert.equal((await send(port, { host: `localhost:${port + 1}` })).status, 403);
  });

  it("answers the names ALLOWED_HOSTS configures instead (a container behind a proxy)", async () => {
    // The middleware alone, as createApp mounts it with what main.ts read from ALLOWED_HOSTS.
    const app = new Hono();
    app.use(hostAllowList(allowedHostsFromEnv("shop.internal, api.example:8443")));
    app.get("/health/live", (c) => c.json({ status: "live" }));
    const statusFor = async (host: string) =>
      (await app.request("http://service/health/live", { headers: { host } })).status;
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
