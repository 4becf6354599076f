import { Hono } from "hono";
import type { GetCacheStatsUseCase } from "../application/get-cache-stats.use-case.ts";

/** GET /cache/stats: hits, misses, hit ratio, size, evictions and shared loads. */
export function cacheRoutes(getCacheStats: GetCacheStatsUseCase): Hono {
  const routes = new Hono();
  routes.get("/stats", async (c) => c.json(await getCacheStats.execute()));
  return routes;
}
