import type { Context } from "hono";
import { matchedRoutes } from "hono/route";

/**
 * The route TEMPLATE that answered (`/orders/:id`), never the raw path (`/orders/o-1`): what metrics are
 * labelled with and spans are named after. Call it after `next()`. Middleware is registered for every
 * method ("ALL"), so when the last match is middleware no route matched: "unmatched", one label for
 * every 404 path a scanner tries, instead of one series each.
 */
export function routeTemplate(c: Context): string {
  const last = matchedRoutes(c).at(-1);
  return last && last.method !== "ALL" ? last.path : "unmatched";
}
