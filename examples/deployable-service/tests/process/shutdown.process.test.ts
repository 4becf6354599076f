import assert from "node:assert/strict";
import { connect } from "node:net";
import { describe, it } from "node:test";
import { childProcessUnavailable, startProgram } from "../support/child-process.ts";

const skip = childProcessUnavailable();

/** Resolves with the error code of a new TCP connection to `port`, or "connected". */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe("SIGTERM during a slow request", () => {
  it("turns readiness 503, finishes the request, refuses new connections, and exits 0 in time", { skip }, async () => {
    const program = startProgram({
      HOST: "127.0.0.1",
      PORT: "0",
      DEMO_LATENCY_MS: "1500", // every /orders request takes 1.5 s
      DRAIN_DELAY_MS: "500",
      SHUTDOWN_TIMEOUT_MS: "5000",
    });
    const port = Number((await program.waitFor(/listening on http:\/\/localhost:(\d+)/))[1]);
    const base = `http://127.0.0.1:${port}`;

    const slow = fetch(`${base}/orders/o-1`); // in flight when SIGTERM arrives
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalledAt = Date.now();
    program.child.kill("SIGTERM");

    await program.waitFor(/readiness now 503/);
    assert.equal((await fetch(`${base}/health/ready`)).status, 503, "draining: still answering, but not ready");

    await program.waitFor(/no longer accepting connections/);
    assert.equal(await tryConnect(port), "ECONNREFUSED");

    const response = await slow;
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { id: string }).id, "o-1");

    const { code, signal } = await program.exited;
    assert.deepEqual({ code, signal }, { code: 0, signal: null });
    assert.ok(Date.now() - signalledAt < 500 + 5000, "exited within drain delay + shutdown timeout");
    assert.match(program.output(), /shutdown complete/);
  });

  it("exits 1 at the hard deadline when an in-flight request outlasts the shutdown timeout", { skip }, async () => {
    const program = startProgram({ HOST: "127.0.0.1", PORT: "0", DEMO_LATENCY_MS: "5000", SHUTDOWN_TIMEOUT_MS: "300" });
    const port = Number((await program.waitFor(/listening on http:\/\/localhost:(\d+)/))[1]);
    const slow = fetch(`http://127.0.0.1:${port}/orders/o-1`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 200));
    program.child.kill("SIGTERM");

    const { code } = await program.exited;
    assert.equal(code, 1);
    assert.match(program.output(), /shutdown did not finish within 300 ms; exiting with 1/);
    assert.ok((await slow) instanceof Error, "the cut-off request fails: that is what the deadline costs");
  });
});
