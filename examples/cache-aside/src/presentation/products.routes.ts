import { Hono } from "hono";
import type { GetProductUseCase } from "../application/get-product.use-case.ts";
import type { UpdateProductPriceUseCase } from "../application/update-product-price.use-case.ts";
import { EntityNotFoundError } from "../domain/domain-error.ts";
import { problemFromError, problemResponse } from "./problem-details.ts";
import { updateProductBody } from "./product.schemas.ts";
import { readJsonBody } from "./read-json-body.ts";

/** The use cases the product routes call. */
export type ProductUseCases = {
  readonly getProduct: GetProductUseCase;
  readonly updateProductPrice: UpdateProductPriceUseCase;
};

/** GET /products/:id (with X-Cache: HIT or MISS) and PUT /products/:id (a new price). */
export function productsRoutes(useCases: ProductUseCases): Hono {
  const routes = new Hono();

  routes.get("/:id", async (c) => {
    const id = c.req.param("id");
    const { product, cache } = await useCases.getProduct.execute(id);
    // A cached "not found" is still a 404; X-Cache says whether the answer came from the cache.
    const response =
      product === null
        ? problemResponse(problemFromError(new EntityNotFoundError("Product", id), c.req.path))
        : c.json(product);
    response.headers.set("X-Cache", cache);
    return response;
  });

  routes.put("/:id", async (c) => {
    const { price } = await readJsonBody(c, updateProductBody);
    return c.json(await useCases.updateProductPrice.execute(c.req.param("id"), price));
  });

  return routes;
}
