/**
 * DNS-rebinding protection at the HTTP edge. A page on an attacker's domain can make its own name
 * resolve to 127.0.0.1 and then call this service from the reader's browser: the browser thinks it
 * talks to the attacker's site, so the same-origin policy does not stop it, and the request carries
 * `Host: attacker.example:<port>`. Answering only requests addressed to our own names closes that
 * door. By default those are localhost, 127.0.0.1 and [::1] on the port the request arrived on; the
 * composition root passes ALLOWED_HOSTS (comma-separated, `name` or `name:port`) when the service
 * is reached by another name, as in a container behind a proxy.
 */
import type { Context, MiddlewareHandler } from "hono";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

// The guide's problem type for this refusal (see /reference/problems/ on the guide's site).
const HOST_NOT_ALLOWED = "https://backend-field-guide.dev/reference/problems/#host-not-allowed";

/** What createApp takes for this check: the names to answer, from the composition root (ALLOWED_HOSTS). */
export type HostAllowListDeps = {
  /** Host values to answer (`name` or `name:port`); undefined: localhost, 127.0.0.1 and [::1] on the arriving port. */
  readonly allowedHosts?: readonly string[] | undefined;
};

/** ALLOWED_HOSTS parsed: lower-case `name` or `name:port` entries, or undefined for the loopback default. */
export function allowedHostsFromEnv(value: string | undefined): readonly string[] | undefined {
  const hosts = (value ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== "");
  return hosts.length > 0 ? hosts : undefined;
}

/** Splits `name:port` (IPv6 names in brackets); the port is undefined when the Host has none. */
function splitHost(host: string): { name: string; port: number | undefined } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  if (!match) return { name: host, port: undefined };
  return { name: match[1] ?? "", port: match[2] === undefined ? undefined : Number(match[2]) };
}

/** The port the request arrived on, when the server is Node's (app.request() in tests has no socket). */
function localPortOf(c: Context): number | undefined {
  const env = c.env as { incoming?: { socket?: { localPort?: number } } } | undefined;
  return env?.incoming?.socket?.localPort;
}

/**
 * The Host the request arrived with. Node's server hands its raw request to Hono as `env.incoming`, so that header is
 * read first (a browser-built Request cannot carry a Host of its own); then the Request's header; then, for
 * app.request() in tests, the URL's host.
 */
function arrivedHost(c: Context): string {
  const env = c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } } | undefined;
  const raw = env?.incoming?.headers?.["host"];
  return (typeof raw === "string" ? raw : (c.req.header("host") ?? new URL(c.req.url).host)).toLowerCase();
}

function isAllowed(host: string, allowedHosts: readonly string[] | undefined, localPort: number | undefined): boolean {
  const { name, port } = splitHost(host);
  if (allowedHosts) return allowedHosts.includes(host) || allowedHosts.includes(name);
  if (!LOOPBACK_NAMES.includes(name)) return false;
  return localPort === undefined || (port ?? 80) === localPort;
}

/** Middleware answering 403 problem+json to any request whose Host is not one of ours. */
export function hostAllowList(allowedHosts?: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const host = arrivedHost(c);
    if (isAllowed(host, allowedHosts, localPortOf(c))) return next();
    const allowed = allowedHosts ?? LOOPBACK_NAMES.map((name) => `${name}:${localPortOf(c) ?? "<port>"}`);
    const body = {
      type: HOST_NOT_ALLOWED,
      title: "Host not allowed",
      status: 403,
      detail: `This service answers only requests addressed to ${allowed.join(", ")}; this one was addressed to ${JSON.stringify(host)}. Set ALLOWED_HOSTS to serve it under another name.`,
      instance: c.req.path,
    };
    return c.body(JSON.stringify(body), 403, { "content-type": "application/problem+json" });
  };
}
