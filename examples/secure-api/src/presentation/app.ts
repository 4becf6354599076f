import { Hono, type ErrorHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { OrderUseCases } from "../application/order.use-cases.ts";
import type { AccessTokenVerifier } from "../application/ports/access-tokens.port.ts";
import { authRoutes, type AuthDeps } from "./auth.routes.ts";
import { healthRoutes } from "./health.routes.ts";
import { hostAllowList, type HostAllowListDeps } from "./host-allow-list.ts";
import { jwksRoutes } from "./jwks.routes.ts";
import { corsAllowList, securityHeaders } from "./middleware/security-headers.ts";
import { ordersRoutes } from "./orders.routes.ts";
import {
  payloadTooLargeProblem,
  problemFromError,
  problemHeaders,
  problemResponse,
  routeNotFoundProblem,
} from "./problem-details.ts";

/** Everything the HTTP app needs, injected so tests can build it with fakes. */
export type AppDeps = HostAllowListDeps &
  AuthDeps & {
    orders: OrderUseCases;
    accessTokens: AccessTokenVerifier;
    /** The public key set, for /.well-known/jwks.json. */
    jwks: () => { keys: readonly object[] };
    /** Origins whose pages may call the API from a browser. */
    corsOrigins: readonly string[];
    isReady: () => boolean | Promise<boolean>;
    /** Where unexpected errors are reported; the client only ever sees a generic 500. */
    reportUnexpectedError: (error: unknown) => void;
  };

const MAX_BODY_BYTES = 64 * 1024;

/** Builds the Hono app from already-wired use cases. Knows nothing of adapters. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // First of all: requests addressed to another host (DNS rebinding) are refused before anything runs.
  app.use(hostAllowList(deps.allowedHosts));
  app.use(securityHeaders());
  app.use(corsAllowList(deps.corsOrigins));
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problemResponse(payloadTooLargeProblem(MAX_BODY_BYTES, c.req.path)),
    }),
  );
  app.route("/auth", authRoutes(deps));
  app.route("/orders", ordersRoutes(deps.orders, deps.accessTokens));
  app.route("/.well-known", jwksRoutes(deps.jwks));
  app.route("/health", healthRoutes(deps.isReady));

  app.notFound((c) => problemResponse(routeNotFoundProblem(c.req.method, c.req.path)));
  // Every error thrown below ends here, once: one mapping for the whole service.
  app.onError(answerWithProblem(deps.reportUnexpectedError));
  return app;
}

/** The error handler: the problem for the error, with the headers set before it was thrown (RateLimit). */
function answerWithProblem(reportUnexpectedError: (error: unknown) => void): ErrorHandler {
  return (error, c) => {
    const problem = problemFromError(error, c.req.path);
    if (problem.status === 500) reportUnexpectedError(error);
    const response = problemResponse(problem, problemHeaders(error));
    c.res.headers.forEach((value, name) => {
      if (!response.headers.has(name)) response.headers.set(name, value);
    });
    return response;
  };
}
