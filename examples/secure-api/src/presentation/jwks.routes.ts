import { Hono } from "hono";

/**
 * /.well-known/jwks.json: the public keys that verify this service's access tokens (RFC 7517), for other
 * services. Cacheable for a few minutes: a new key appears here before it signs anything.
 */
export function jwksRoutes(jwks: () => { keys: readonly object[] }): Hono {
  const routes = new Hono();
  routes.get("/jwks.json", (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(jwks());
  });
  return routes;
}
