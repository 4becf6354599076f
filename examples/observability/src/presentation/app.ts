import type { Tracer } from "@opentelemetry/api";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId, type RequestIdVariables } from "hono/request-id";
import type { Logger } from "../application/ports/logger.port.ts";
import type { CheckHealthUseCase } from "../application/use-cases/check-health.use-case.ts";
import type { GetProductUseCase } from "../application/use-cases/get-product.use-case.ts";
import { guideRoutes, type GuideHooks } from "./guide.routes.ts";
import { healthRoutes } from "./health.routes.ts";
import { hostAllowList, type HostAllowListDeps } from "./host-allow-list.ts";
import { httpMetrics, type HttpMetrics } from "./http-metrics.ts";
import { httpTracing } from "./http-tracing.ts";
import { logFailure } from "./log-failure.ts";
import { metricsRoutes, type MetricsRegistry } from "./metrics.routes.ts";
import { ordersRoutes, type OrderUseCases } from "./orders.routes.ts";
import {
  payloadTooLargeProblem,
  problemFromError,
  problemResponse,
  routeNotFoundProblem,
  type ProblemContext,
  type ProblemDetails,
} from "./problem-details.ts";
import { productsRoutes } from "./products.routes.ts";
import { requestLogging } from "./request-logging.ts";

/** Everything the HTTP app needs, injected so tests can build it with fakes. */
export type AppDeps = OrderUseCases &
  HostAllowListDeps & {
    readonly getProduct: Pick<GetProductUseCase, "execute">;
    readonly checkHealth: Pick<CheckHealthUseCase, "execute">;
    readonly logger: Logger;
    readonly tracer: Tracer;
    readonly metrics: HttpMetrics & { readonly registry: MetricsRegistry };
    /** The /_guide routes; absent (so /_guide answers 404) when NODE_ENV=production. */
    readonly guide?: GuideHooks;
  };

const MAX_BODY_BYTES = 64 * 1024;
/** Requests that are not the shop's traffic: no spans, no RED metrics, no access line (a scraper polls /metrics every few seconds). */
const UNOBSERVED = ["/_guide", "/metrics"];

type Env = { Variables: RequestIdVariables };

function where(c: Context<Env>): ProblemContext {
  return { instance: c.req.path, requestId: c.get("requestId") };
}

/** Builds the Hono app from already-wired use cases. It knows no adapter: main.ts chooses those. */
export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  app.use(hostAllowList(deps.allowedHosts));
  // Reuses the caller's X-Request-Id when it is 1 to 128 characters of [A-Za-z0-9_=-] (anything else
  // could forge or break log lines) and otherwise makes a UUID; echoes it as X-Request-Id.
  app.use(requestId({ limitLength: 128 }));
  app.use(httpTracing(deps.tracer, UNOBSERVED)); // outside the logger, so log lines carry the trace id
  app.use(requestLogging(deps.logger, UNOBSERVED));
  app.use(httpMetrics(deps.metrics, UNOBSERVED));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => fail(deps.logger, c, payloadTooLargeProblem(MAX_BODY_BYTES, where(c))),
    }),
  );

  app.route("/orders", ordersRoutes(deps));
  app.route("/products", productsRoutes(deps.getProduct));
  app.route("/health", healthRoutes(deps.checkHealth));
  app.route("/metrics", metricsRoutes(deps.metrics.registry));
  if (deps.guide) app.route("/_guide", guideRoutes(deps.guide));

  app.notFound((c) => fail(deps.logger, c, routeNotFoundProblem(c.req.method, where(c))));
  // The one place errors are caught, mapped to HTTP and logged, once, with their cause.
  app.onError((error, c) => fail(deps.logger, c, problemFromError(error, where(c)), error));
  return app;
}

/** Logs a failed request once and answers it with its problem. */
function fail(logger: Logger, c: Context<Env>, problem: ProblemDetails, error?: unknown): Response {
  logFailure(logger, c, problem, error);
  return problemResponse(c, problem);
}
