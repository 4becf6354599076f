import type { MiddlewareHandler } from "hono";

/** When v1 was deprecated and when it goes away, and where the migration guide is. */
export type DeprecationPolicy = {
  readonly deprecatedAt: Date;
  readonly sunsetAt: Date;
  readonly migrationGuide: string;
};

/**
 * Marks every response of a deprecated version: `Deprecation` (RFC 9745, a structured-field date `@<seconds>`),
 * `Sunset` (RFC 8594, an HTTP date), and a `Link` to the migration guide with the `deprecation` relation.
 * Clients and gateways can log or alert on these headers long before the version is switched off.
 */
export function deprecated(policy: DeprecationPolicy): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const successor = c.req.path.replace(/^\/v1\//, "/v2/");
    c.res.headers.set("Deprecation", `@${Math.floor(policy.deprecatedAt.getTime() / 1000)}`);
    c.res.headers.set("Sunset", policy.sunsetAt.toUTCString());
    c.res.headers.set(
      "Link",
      `<${policy.migrationGuide}>; rel="deprecation"; type="text/html", <${successor}>; rel="successor-version"`,
    );
  };
}
