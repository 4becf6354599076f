import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";

/**
 * Browser-facing headers for a JSON API: HSTS (browsers use HTTPS only, for two years), nothing may frame or load
 * anything from a response (CSP `default-src 'none'`), no MIME sniffing, no referrer. Hono's secureHeaders sets
 * OWASP's recommended set; the CSP is tightened for an API that serves no HTML.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
  });
}

/**
 * CORS from an allow-list of origins. Refuses `*`: with credentials allowed, a wildcard would let every site on
 * the web send requests as the reader (browsers reject `*` with credentials; reflecting any Origin instead is worse).
 */
export function corsAllowList(origins: readonly string[]): MiddlewareHandler {
  if (origins.includes("*")) throw new Error("CORS_ORIGINS lists *: name each origin that may call this API");
  return cors({
    origin: allowedOrigin(origins),
    credentials: true,
    allowMethods: ["GET", "POST"],
    allowHeaders: ["Authorization", "Content-Type"],
    exposeHeaders: ["Location", "Retry-After", "RateLimit", "RateLimit-Policy"],
    maxAge: 600,
  });
}

/** The `Access-Control-Allow-Origin` answer: the caller's origin when it is listed, none otherwise (never `*`). */
export function allowedOrigin(origins: readonly string[]): (origin: string) => string | null {
  return (origin) => (origins.includes(origin) ? origin : null);
}

/** CORS_ORIGINS: a comma-separated list of origins; none by default (same-origin callers only). */
export function corsOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
}
