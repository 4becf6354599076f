import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId, type RequestIdVariables } from "hono/request-id";
import type { Logger } from "../application/ports/logger.port.ts";
import type { GetProductUseCase } from "../application/use-cases/get-product.use-case.ts";
import { healthRoutes } from "./health.routes.ts";
import { hostAllowList, type HostAllowListDeps } from "./host-allow-list.ts";
import { logFailure } from "./log-failure.ts";
import { ordersRoutes, type OrderUseCases } from "./orders.routes.ts";
import {
  payloadTooLargeProblem,
  problemFromError,
  problemResponse,
  routeNotFoundProblem,
  type ProblemContext,
} from "./problem-details.ts";
import { productsRoutes } from "./products.routes.ts";

/** Everything the HTTP app needs, injected so tests can build it with fakes. */
export type AppDeps = OrderUseCases &
  HostAllowListDeps & {
    readonly getProduct: Pick<GetProductUseCase, "execute">;
    readonly isReady: () => boolean | Promise<boolean>;
    readonly logger: Logger;
  };

const MAX_BODY_BYTES = 64 * 1024;

type Env = { Variables: RequestIdVariables };

/** Where a problem happened: the request path and the request id. */
function where(c: Context<Env>): ProblemContext {
  return { instance: c.req.path, requestId: c.get("requestId") };
}

/** Builds the Hono app from already-wired use cases. It knows no adapter: main.ts chooses those. */
export function createApp(deps: AppDeps): Hono<Env> {
  const app = new Hono<Env>();
  // First of all: requests addressed to another host (DNS rebinding) are refused before anything runs.
  app.use(hostAllowList(deps.allowedHosts));

  // Reuses the caller's X-Request-Id when it is 1 to 128 characters of [A-Za-z0-9_=-] (anything else
  // could forge or break log lines) and otherwise makes a UUID; echoes it as X-Request-Id.
  app.use(requestId({ limitLength: 128 }));
  // Every log line written while this request runs, however deep, carries its id.
  app.use((c, next) => deps.logger.withContext({ requestId: c.get("requestId") }, next));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const problem = payloadTooLargeProblem(MAX_BODY_BYTES, where(c));
        logFailure(deps.logger, c, problem);
        return problemResponse(c, problem);
      },
    }),
  );

  app.route("/orders", ordersRoutes(deps));
  app.route("/products", productsRoutes(deps.getProduct));
  app.route("/health", healthRoutes(deps.isReady));

  app.notFound((c) => {
    const problem = routeNotFoundProblem(c.req.method, where(c));
    logFailure(deps.logger, c, problem);
    return problemResponse(c, problem);
  });
  // The one place errors are caught, mapped to HTTP and logged: whatever was thrown, wherever.
  app.onError((error, c) => {
    const problem = problemFromError(error, where(c));
    logFailure(deps.logger, c, problem, error);
    return problemResponse(c, problem);
  });
  return app;
}
