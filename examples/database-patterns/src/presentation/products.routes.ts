import { Hono } from "hono";
import type { ChangeProductUseCase } from "../application/change-product.use-case.ts";
import { ChangeProductBody } from "./product.schemas.ts";
import { readJsonBody } from "./read-json-body.ts";

/** GET a product (with its version) and change it with a version check. */
export function productsRoutes(products: ChangeProductUseCase): Hono {
  const routes = new Hono();
  routes.get("/:id", async (c) => c.json(await products.get(c.req.param("id"))));
  routes.patch("/:id", async (c) => {
    const body = await readJsonBody(c, ChangeProductBody);
    return c.json(await products.execute({ productId: c.req.param("id"), ...body }));
  });
  return routes;
}
