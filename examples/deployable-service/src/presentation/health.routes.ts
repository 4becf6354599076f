import { Hono } from "hono";
import type { ReadinessReport } from "../application/use-cases/check-readiness.use-case.ts";

/**
 * `/health/live` answers 200 whenever the process can answer HTTP at all, and checks nothing else: a
 * liveness probe that failed because the database is down would restart every instance at once, and
 * the restarts would not bring the database back. `/health/ready` asks the dependencies and answers
 * 503 while the service should get no traffic: a required dependency is down, or it is shutting down.
 */
export function healthRoutes(checkReadiness: () => Promise<ReadinessReport>): Hono {
  const routes = new Hono();
  routes.get("/live", (c) => c.json({ status: "live" }));
  routes.get("/ready", async (c) => {
    const report = await checkReadiness();
    const status = report.ready ? "ready" : report.shuttingDown ? "shutting down" : "not ready";
    return c.json({ status, checks: report.checks }, report.ready ? 200 : 503);
  });
  return routes;
}
