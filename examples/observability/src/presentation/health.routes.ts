import { Hono } from "hono";
import type { CheckHealthUseCase } from "../application/use-cases/check-health.use-case.ts";

/**
 * `/health/live`: 200 while the process can answer HTTP at all; it checks no dependency, or a database
 * outage would make the orchestrator restart every instance for nothing. `/health/ready`: the component
 * report; 503 only when unhealthy (take this instance out of rotation), 200 when degraded (it still
 * serves, slower), so a cache outage does not empty the load balancer.
 */
export function healthRoutes(checkHealth: Pick<CheckHealthUseCase, "execute">): Hono {
  const routes = new Hono();
  routes.get("/live", (c) => c.json({ status: "live" }));
  routes.get("/ready", async (c) => {
    const report = await checkHealth.execute();
    return c.json(report, report.status === "unhealthy" ? 503 : 200);
  });
  return routes;
}
