import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { CallPolicyStateSource } from "../application/ports/call-policy-state.port.ts";
import { healthRoutes } from "./health.routes.ts";
import { ordersRoutes, type OrderUseCases } from "./orders.routes.ts";
import { payloadTooLargeProblem, problemFromError, problemResponse, routeNotFoundProblem } from "./problem-details.ts";
import { resilienceRoutes } from "./resilience.routes.ts";
import { hostAllowList, type HostAllowListDeps } from "./host-allow-list.ts";

/** Everything the orders app needs, injected so tests can build it with fakes. */
export type AppDeps = HostAllowListDeps &
  OrderUseCases & {
    readonly policies: readonly CallPolicyStateSource[];
    readonly isReady: () => boolean | Promise<boolean>;
    /** Where unexpected errors go; the client only ever sees a generic 500. */
    readonly reportUnexpectedError: (error: unknown) => void;
  };

const MAX_BODY_BYTES = 64 * 1024;

/** Builds the orders service's Hono app from already-wired use cases. It knows no adapter: main.ts chooses those. */
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
  app.route("/orders", ordersRoutes(deps));
  app.route("/resilience", resilienceRoutes(deps.policies));
  app.route("/health", healthRoutes(deps.isReady));

  app.notFound((c) => problemResponse(routeNotFoundProblem(c.req.method, c.req.path)));
  // Every error thrown below ends here, once: one mapping for the whole service.
  app.onError((error, c) => {
    const problem = problemFromError(error, c.req.path);
    if (problem.status === 500) deps.reportUnexpectedError(error);
    return problemResponse(problem);
  });
  return app;
}
