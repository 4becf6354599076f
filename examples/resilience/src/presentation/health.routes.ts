import { Hono } from "hono";

/**
 * `/health/live` answers 200 while the process can serve HTTP at all (restart me if not);
 * `/health/ready` answers 503 while the service should get no traffic, e.g. while it shuts down.
 */
export function healthRoutes(isReady: () => boolean | Promise<boolean>): Hono {
  const routes = new Hono();
  routes.get("/live", (c) => c.json({ status: "live" }));
  routes.get("/ready", async (c) =>
    (await isReady()) ? c.json({ status: "ready" }) : c.json({ status: "not ready" }, 503),
  );
  return routes;
}
