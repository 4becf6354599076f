/**
 * The same-origin proxy from the page to a run's service, written so the service cannot turn it:
 * no redirect is followed (a 3xx reaches the page as it is), the reader's credentials and
 * hop-by-hop headers are not forwarded, and on the way back the service cannot set cookies, CORS or
 * isolation headers, or cache policy: the guide's own headers and `Content-Security-Policy: sandbox`
 * are set instead, so a page the service renders runs as an opaque origin with no access to the guide.
 */
import { isolationHeaders } from "../server/isolation-headers.ts";

/** Hop-by-hop headers (RFC 9110 §7.6.1), never forwarded in either direction. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** The reader's credentials for the guide: the service has no business seeing them. */
const CREDENTIALS = new Set(["authorization", "cookie", "proxy-authorization"]);

/** Headers the service may not set on the guide's origin. */
function isGuideOwned(name: string): boolean {
  return (
    name === "set-cookie" ||
    name === "set-cookie2" ||
    name === "cache-control" ||
    name === "clear-site-data" ||
    name.startsWith("access-control-") ||
    name.startsWith("cross-origin-") ||
    name.startsWith("content-security-policy") ||
    name === "permissions-policy" ||
    name === "service-worker-allowed" ||
    name === "x-frame-options"
  );
}

/** Names listed in a Connection header, which are hop-by-hop for that message. */
function namedInConnection(headers: Headers): Set<string> {
  return new Set(
    (headers.get("connection") ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Headers of the page's request as the service receives them. */
export function forwardedRequestHeaders(incoming: Headers, serviceHost: string): Headers {
  const dropped = namedInConnection(incoming);
  const headers = new Headers();
  for (const [name, value] of incoming) {
    if (HOP_BY_HOP.has(name) || CREDENTIALS.has(name) || dropped.has(name) || name === "host") continue;
    headers.append(name, value);
  }
  // The service checks its Host (DNS-rebinding protection): the proxy addresses it by its own loopback name.
  headers.set("host", serviceHost);
  return headers;
}

/** Headers of the service's answer as the page receives them. */
export function returnedResponseHeaders(upstream: Headers): Headers {
  const dropped = namedInConnection(upstream);
  const headers = new Headers();
  for (const [name, value] of upstream) {
    if (HOP_BY_HOP.has(name) || dropped.has(name) || isGuideOwned(name)) continue;
    // fetch has already decoded the body, so its encoding and length no longer describe what is sent.
    if (name === "content-encoding" || name === "content-length") continue;
    headers.append(name, value);
  }
  for (const [name, value] of Object.entries(isolationHeaders)) headers.set(name, value);
  headers.set("cache-control", "no-store");
  headers.set("x-content-type-options", "nosniff");
  headers.set("content-security-policy", "sandbox; frame-ancestors 'self'");
  return headers;
}

/** Sends the page's request to the service on 127.0.0.1:`port` at `pathAndQuery` and returns its answer, redirects untouched. */
export async function forwardToService(request: Request, port: number, pathAndQuery: string): Promise<Response> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const upstream = await fetch(`http://127.0.0.1:${port}${pathAndQuery}`, {
    method: request.method,
    headers: forwardedRequestHeaders(request.headers, `127.0.0.1:${port}`),
    body: hasBody ? request.body : undefined,
    redirect: "manual",
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
  return new Response(upstream.body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: returnedResponseHeaders(upstream.headers),
  });
}
