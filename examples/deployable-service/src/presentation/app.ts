import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ReadinessReport } from "../application/use-cases/check-readiness.use-case.ts";
import { healthRoutes } from "./health.routes.ts";
import { hostAllowList, type HostAllowListDeps } from "./host-allow-list.ts";
import { ordersRoutes, type OrderUseCases } from "./orders.routes.ts";
import { payloadTooLargeProblem, problemFromError, problemResponse, routeNotFoundProblem } from "./problem-details.ts";

/** Everything the HTTP app needs, injected so tests can build it with fakes. */
export type AppDeps = OrderUseCases &
  HostAllowListDeps & {
    readonly checkReadiness: () => Promise<ReadinessReport>;
    /** Milliseconds added to every /orders request (DEMO_LATENCY_MS): a slow request to shut down during. */
    readonly demoLatencyMs?: number;
    /** Where unexpected errors go; the client only ever sees a generic 500. */
    readonly reportUnexpectedError: (error: unknown) => void;
  };

const MAX_BODY_BYTES = 64 * 1024;

/** Builds the Hono app from already-wired use cases. It knows no adapter: main.ts chooses those. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // First of all: requests addressed to another host (DNS rebinding) are refused before anything runs.
  app.use(hostAllowList(deps.allowedHosts));

  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problemResponse(payloadTooLargeProblem(MAX_BODY_BYTES, c.req.path)),
    }),
  );
  const latency = deps.demoLatencyMs ?? 0;
  if (latency > 0) {
    app.use("/orders/*", async (_c, next) => {
      await new Promise((resolve) => setTimeout(resolve, latency));
      await next();
    });
  }
  app.route("/orders", ordersRoutes(deps));
  app.route("/health", healthRoutes(deps.checkReadiness));

  app.notFound((c) => problemResponse(routeNotFoundProblem(c.req.method, c.req.path)));
  // Every error thrown below ends here, once: one mapping for the whole service.
  app.onError((error, c) => {
    const problem = problemFromError(error, c.req.path);
    if (problem.status === 500) deps.reportUnexpectedError(error);
    return problemResponse(problem);
  });
  return app;
}
