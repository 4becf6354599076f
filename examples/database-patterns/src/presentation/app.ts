import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ChangeProductUseCase } from "../application/change-product.use-case.ts";
import type { ListOrdersUseCase } from "../application/list-orders.use-case.ts";
import type { OutboxMessage } from "../application/ports/outbox.port.ts";
import type { RelayOutboxUseCase } from "../application/relay-outbox.use-case.ts";
import { healthRoutes } from "./health.routes.ts";
import { ordersRoutes } from "./orders.routes.ts";
import { outboxRoutes } from "./outbox.routes.ts";
import { payloadTooLargeProblem, problemFromError, problemResponse, routeNotFoundProblem } from "./problem-details.ts";
import { productsRoutes } from "./products.routes.ts";
import { hostAllowList, type HostAllowListDeps } from "./host-allow-list.ts";
import { traceRequests, type RequestTracingOptions } from "./request-tracing.middleware.ts";

/** Runs `work` and says how many SQL statements it sent (main.ts passes the database's counter). */
export type MeasureQueries = <T>(work: () => Promise<T>) => Promise<{ value: T; queries: number }>;

/** Everything the HTTP app needs, injected so tests can build it with fakes. */
export type AppDeps = HostAllowListDeps & {
  readonly products: ChangeProductUseCase;
  readonly listOrders: ListOrdersUseCase;
  readonly relayOutbox: RelayOutboxUseCase;
  readonly published: () => readonly OutboxMessage[];
  readonly measureQueries: MeasureQueries;
  readonly isReady: () => boolean | Promise<boolean>;
  /** Where unexpected errors go; the client only ever sees a generic 500. */
  readonly reportUnexpectedError: (error: unknown) => void;
  /** A span per request (and `traceparent` on responses) when given; the HTTP tests leave it out. */
  readonly tracing?: RequestTracingOptions | undefined;
};

const MAX_BODY_BYTES = 64 * 1024;

/** Builds the Hono app from already-wired use cases. It knows no adapter: main.ts chooses those. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // First of all: requests addressed to another host (DNS rebinding) are refused before anything runs.
  app.use(hostAllowList(deps.allowedHosts));
  if (deps.tracing) app.use(traceRequests(deps.tracing));

  // Every response says how many SQL statements it took: watch 1 + N turn into 2 on GET /orders.
  app.use(async (c, next) => {
    const { queries } = await deps.measureQueries(() => next());
    c.res.headers.set("X-Query-Count", String(queries));
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => problemResponse(payloadTooLargeProblem(MAX_BODY_BYTES, c.req.path)),
    }),
  );
  app.route("/orders", ordersRoutes(deps.listOrders));
  app.route("/products", productsRoutes(deps.products));
  app.route("/outbox", outboxRoutes(deps.relayOutbox, deps.published));
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
