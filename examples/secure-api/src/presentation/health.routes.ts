import { Hono } from "hono";

/** Liveness (the process answers) and readiness (its dependencies can serve traffic). */
export function healthRoutes(isReady: () => boolean | Promise<boolean>): Hono {
  const routes = new Hono();
  routes.get("/live", (c) => c.json({ status: "live" }));
  routes.get("/ready", async (c) =>
    (await isReady()) ? c.json({ status: "ready" }) : c.json({ status: "not ready" }, 503),
  );
  return routes;
}
