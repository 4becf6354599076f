import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Caller } from "../application/caller.ts";
import type { Clock } from "../application/ports/clock.port.ts";
import type { IdempotencyStore } from "../application/ports/idempotency-store.port.ts";
import type { OrderUseCases } from "../application/use-cases/order.use-cases.ts";
import type { ProductUseCases } from "../application/use-cases/product.use-cases.ts";
import { callerFromHeader, type ApiEnv } from "./caller.ts";
import { deprecated, type DeprecationPolicy } from "./deprecation.middleware.ts";
import { healthRoutes } from "./health.routes.ts";
import { idempotency } from "./idempotency.middleware.ts";
import { ordersRoutes } from "./orders.routes.ts";
import {
  payloadTooLargeProblem,
  problemFromError,
  problemHeaders,
  problemResponse,
  routeNotFoundProblem,
} from "./problem-details.ts";
import { productsRoutes } from "./products.routes.ts";
import { v1Routes } from "./v1.routes.ts";
import { hostAllowList, type HostAllowListDeps } from "./host-allow-list.ts";
import { traceRequests, type RequestTracingOptions } from "./request-tracing.middleware.ts";

/** Everything the HTTP app needs, injected so tests can build it with fakes. */
export type AppDeps = HostAllowListDeps & {
  products: ProductUseCases;
  orders: OrderUseCases;
  idempotencyStore: IdempotencyStore;
  clock: Clock;
  /** Who a bearer token belongs to; `undefined` for an unknown token. */
  authenticate: (token: string) => Caller | undefined;
  v1Deprecation: DeprecationPolicy;
  isReady: () => boolean | Promise<boolean>;
  /** Where unexpected errors are reported; the client only ever sees a generic 500. */
  reportUnexpectedError: (error: unknown) => void;
  /** A span per request (and `traceparent` on responses) when given; the HTTP tests leave it out. */
  tracing?: RequestTracingOptions;
};

const MAX_BODY_BYTES = 64 * 1024;

/** Builds the Hono app from already-wired use cases, and the OpenAPI document from its routes' schemas. */
export function createApp(deps: AppDeps): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>();
  // First of all: requests addressed to another host (DNS rebinding) are refused before anything runs.
  app.use(hostAllowList(deps.allowedHosts));
  if (deps.tracing) app.use(traceRequests(deps.tracing));

  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problemResponse(payloadTooLargeProblem(MAX_BODY_BYTES, c.req.path)),
    }),
  );
  app.use(async (c, next) => {
    c.set("caller", callerFromHeader(c.req.header("Authorization"), deps.authenticate));
    await next();
  });
  const keepRetriesSafe = idempotency({ store: deps.idempotencyStore, clock: deps.clock });
  app.on("POST", ["/v2/orders", "/v2/products"], keepRetriesSafe);
  app.use("/v1/*", deprecated(deps.v1Deprecation));

  app.route("/v2/products", productsRoutes(deps.products));
  app.route("/v2/orders", ordersRoutes(deps.orders));
  app.route("/v1", v1Routes(deps));
  app.route("/health", healthRoutes(deps.isReady));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Shop API", version: "2.0.0", description: "Orders and products of the guide's shop." },
  });

  app.notFound((c) => problemResponse(routeNotFoundProblem(c.req.method, c.req.path)));
  // Every error thrown below ends here, once: one mapping for the whole service.
  app.onError((error, c) => {
    const problem = problemFromError(error, c.req.path);
    if (problem.status === 500) deps.reportUnexpectedError(error);
    return problemResponse(problem, problemHeaders(error));
  });
  return app;
}
