/**
 * The readiness check that the composition root builds from DATABASE_URL, REDIS_URL and AMQP_URL: up
 * for a server that accepts connections, down (with host and port, never the password) for one that
 * refuses. Against a listener of its own everywhere Node runs, and against the real servers where
 * they are configured (CI starts them). A web page cannot open TCP connections: there it is skipped.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:net";
import { after, before, describe, it } from "node:test";
import { TcpDependencyCheck } from "../../src/infrastructure/tcp-dependency.check.ts";
import { realServer } from "./real-server.ts";

/** Why raw TCP is unavailable here (the in-browser runtime's own message), or false. */
function tcpUnavailable(): string | false {
  try {
    createServer(); // an unbound server: no side effect where Node's net is real
    return false;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
const skip = tcpUnavailable();

describe("TcpDependencyCheck", () => {
  let server: Server | undefined;
  let port = 0;
  before(async () => {
    if (skip) return;
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  after(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("is up when the server accepts a connection", { skip }, async () => {
    const check = new TcpDependencyCheck("database", `postgres://shop:secret@127.0.0.1:${port}/shop`, true);
    await check.check(AbortSignal.timeout(1000));
  });

  it("is down when the port refuses, naming host and port but never the password", { skip }, async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const freePort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const check = new TcpDependencyCheck("database", `postgres://shop:secret@127.0.0.1:${freePort}/shop`, true);
    await assert.rejects(check.check(AbortSignal.timeout(1000)), (error: Error) => {
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${freePort} refused or unreachable \\(ECONNREFUSED\\)`));
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
  });

  for (const [variable, name, server] of [
    ["DATABASE_URL", "database", "Postgres"],
    ["REDIS_URL", "cache", "Redis"],
    ["AMQP_URL", "broker", "RabbitMQ"],
  ] as const) {
    const real = realServer(variable, server);
    it(`is up for the real ${server} at ${variable}`, { skip: skip || real.skip }, async () => {
      await new TcpDependencyCheck(name, real.url!, true).check(AbortSignal.timeout(2000));
    });
  }
});
