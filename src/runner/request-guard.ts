/**
 * The checks every runner request passes before it can do anything, in the spirit of Jupyter's
 * server: loopback peers only, the guide's own Host (against DNS rebinding), no foreign Origin
 * (against cross-site requests), and the per-start secret on everything but the handshake.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { RunnerProblem } from "./problem.ts";

/** The request facts the guard looks at. */
export interface GuardedRequest {
  readonly remoteAddress: string | undefined;
  readonly localPort: number | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** A fresh unguessable secret (256 bits, URL-safe). */
export function createToken(): string {
  return randomBytes(32).toString("base64url");
}

function header(request: GuardedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  if (isIP(plain) === 4) return plain.startsWith("127.");
  return plain === "::1";
}

/** The Host values the guide answers to: its loopback names on the port the request came in on, unless configured. */
export function ownHosts(localPort: number | undefined, configured?: readonly string[]): readonly string[] {
  if (configured) return configured.map((host) => host.toLowerCase());
  if (localPort === undefined) return [];
  return [`localhost:${localPort}`, `127.0.0.1:${localPort}`, `[::1]:${localPort}`];
}

/** Loopback peer, own Host, and an Origin (when sent) that is the guide's own. */
export function assertOwnRequest(request: GuardedRequest, allowedHosts?: readonly string[]): void {
  if (!isLoopbackAddress(request.remoteAddress)) {
    throw new RunnerProblem(
      403,
      "forbidden-remote",
      "Not a local request",
      "The runner only answers requests from this machine.",
    );
  }
  const hosts = ownHosts(request.localPort, allowedHosts);
  const host = header(request, "host")?.toLowerCase();
  if (!host || !hosts.includes(host)) {
    throw new RunnerProblem(
      403,
      "forbidden-host",
      "Foreign Host",
      `The runner only answers requests addressed to ${hosts.join(", ")}; this one was addressed to ${JSON.stringify(host ?? "")}.`,
    );
  }
  const origin = header(request, "origin");
  if (origin !== undefined && !hosts.some((own) => origin.toLowerCase() === `http://${own}`)) {
    throw new RunnerProblem(
      403,
      "forbidden-origin",
      "Cross-site request",
      `Requests from ${JSON.stringify(origin)} are refused; only the guide's own pages may use the runner.`,
    );
  }
  const fetchSite = header(request, "sec-fetch-site");
  if (fetchSite !== undefined && fetchSite !== "same-origin") {
    throw new RunnerProblem(
      403,
      "cross-site-request",
      "Cross-site request",
      `Browsers marked this request as ${fetchSite}; only same-origin requests from the guide's pages are answered.`,
    );
  }
}

/** The `Authorization: Bearer <token>` header carries this start's secret. */
export function assertToken(request: GuardedRequest, token: string): void {
  const authorization = header(request, "authorization");
  const match = authorization ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization) : null;
  if (!match?.[1]) {
    throw new RunnerProblem(
      401,
      "missing-token",
      "Missing runner token",
      "Send the token from /__runner/handshake as `Authorization: Bearer <token>`.",
    );
  }
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new RunnerProblem(
      401,
      "wrong-token",
      "Wrong runner token",
      "The token does not match this server start; reload the page to get the current one.",
    );
  }
}
