import { Hono } from "hono";

/** What /metrics needs: prom-client's Registry fits. */
export type MetricsRegistry = { readonly contentType: string; metrics(): Promise<string> };

/** `/metrics`: every metric in Prometheus's text exposition format, for a scraper to pull. */
export function metricsRoutes(registry: MetricsRegistry): Hono {
  const routes = new Hono();
  routes.get("/", async (c) => c.body(await registry.metrics(), 200, { "Content-Type": registry.contentType }));
  return routes;
}
