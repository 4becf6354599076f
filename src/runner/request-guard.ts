/**
 * The checks every runner request passes before it can do anything, in the spirit of Jupyter's
 * server: loopback peers only, the guide's own Host (against DNS rebinding), no foreign Origin
 * (against cross-site requests), and the per-start secret on every request.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { RunnerProblem } from "./problem.ts";
import { tokenFromCookies } from "./session-cookie.ts";

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

/** What a reader who lacks the secret should do, said wherever a request is refused for it. */
export const OPEN_THE_LINK =
  "Open the link `npm start` printed (http://localhost:<port>/?token=…); `npm run link` prints it again.";

/**
 * The request carries this start's secret: as the session cookie the page got by trading the link's
 * token, or as `Authorization: Bearer <token>` (tools that read the token file).
 */
export function assertToken(request: GuardedRequest, token: string): void {
  const authorization = header(request, "authorization");
  const bearer = authorization ? /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization)?.[1] : undefined;
  const presented = bearer ?? tokenFromCookies(header(request, "cookie"), request.localPort);
  if (!presented) {
    throw new RunnerProblem(
      401,
      "missing-token",
      "Missing runner token",
      `This browser has not been given the runner's secret yet. ${OPEN_THE_LINK}`,
    );
  }
  const given = Buffer.from(presented);
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new RunnerProblem(
      401,
      "wrong-token",
      "Wrong runner token",
      `The runner's secret changed (the guide's server was restarted). ${OPEN_THE_LINK}`,
    );
  }
}
