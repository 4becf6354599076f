import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";

const Status = z.object({ status: z.string() });
const json = { "application/json": { schema: Status } };

const live = createRoute({
  method: "get",
  path: "/live",
  responses: { 200: { description: "The process answers", content: json } },
});
const ready = createRoute({
  method: "get",
  path: "/ready",
  responses: {
    200: { description: "Ready for traffic", content: json },
    503: { description: "Not ready, or shutting down", content: json },
  },
});

/** Liveness (the process answers) and readiness (its dependencies can serve traffic). */
export function healthRoutes(isReady: () => boolean | Promise<boolean>): OpenAPIHono {
  const routes = new OpenAPIHono();
  routes.openapi(live, (c) => c.json({ status: "live" }, 200));
  routes.openapi(ready, async (c) =>
    (await isReady()) ? c.json({ status: "ready" }, 200) : c.json({ status: "not ready" }, 503),
  );
  return routes;
}
