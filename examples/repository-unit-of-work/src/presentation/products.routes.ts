import { Hono } from "hono";
import type { ProductQueriesUseCase } from "../application/product-queries.use-case.ts";

/** GET /products and GET /products/:id, with stock and version. */
export function productsRoutes(productQueries: ProductQueriesUseCase): Hono {
  const routes = new Hono();
  routes.get("/", async (c) => c.json({ products: await productQueries.list() }));
  routes.get("/:id", async (c) => c.json(await productQueries.get(c.req.param("id"))));
  return routes;
}
