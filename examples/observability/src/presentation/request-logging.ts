import type { MiddlewareHandler } from "hono";
import type { Logger } from "../application/ports/logger.port.ts";
import { routeTemplate } from "./route-template.ts";

/**
 * Binds the request id to every line logged while the request runs (a child logger, through
 * AsyncLocalStorage), then writes one access line when it is answered. The line includes the request
 * headers, as pino-http does by default: the logger's redaction keeps `authorization` and `cookie` out.
 * Paths under `quiet` (a scraper's /metrics, the sandbox polling /_guide) get no access line.
 */
export function requestLogging(logger: Logger, quiet: readonly string[] = []): MiddlewareHandler {
  return (c, next) =>
    logger.withContext({ requestId: c.get("requestId") }, async () => {
      const started = performance.now();
      await next();
      if (quiet.some((prefix) => c.req.path.startsWith(prefix))) return;
      logger.info("request.completed", {
        req: { method: c.req.method, path: c.req.path, headers: Object.fromEntries(c.req.raw.headers) },
        route: routeTemplate(c),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      });
    });
}
