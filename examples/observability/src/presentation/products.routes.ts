import { Hono } from "hono";
import type { GetProductUseCase } from "../application/use-cases/get-product.use-case.ts";

/** `/products`. */
export function productsRoutes(getProduct: Pick<GetProductUseCase, "execute">): Hono {
  const routes = new Hono();
  routes.get("/:id", async (c) => c.json(await getProduct.execute(c.req.param("id"))));
  return routes;
}
