import { Hono } from "hono";
import type { ReadModels } from "../application/ports/read-models.port.ts";
import type { SagaQueriesUseCase } from "../application/saga-queries.use-case.ts";
import { EntityNotFoundError } from "../domain/domain-error.ts";

/** Read-only windows on the patterns: sagas and their steps, the outbox, and product stock. */
export function observeRoutes(deps: { readonly sagas: SagaQueriesUseCase; readonly readModels: ReadModels }): Hono {
  const routes = new Hono();
  routes.get("/sagas", async (c) => c.json(await deps.sagas.list()));
  routes.get("/sagas/:id", async (c) => c.json(await deps.sagas.get(c.req.param("id"))));
  routes.get("/outbox", async (c) => c.json(await deps.readModels.outbox()));
  routes.get("/products/:id", async (c) => {
    const product = await deps.readModels.product(c.req.param("id"));
    if (product === undefined) throw new EntityNotFoundError("Product", c.req.param("id"));
    return c.json(product);
  });
  return routes;
}
