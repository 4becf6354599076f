import { Hono } from "hono";
import type { GetOrderUseCase } from "../application/get-order.use-case.ts";
import type { PlaceOrderUseCase } from "../application/place-order.use-case.ts";
import { placeOrderBody } from "./order.schemas.ts";
import { readJsonBody } from "./read-json-body.ts";

/** The use cases the order routes call. */
export type OrderUseCases = { readonly placeOrder: PlaceOrderUseCase; readonly getOrder: GetOrderUseCase };

/** POST /orders (201 with the pending order; checkout runs after the answer), GET /orders (newest first), GET /orders/:id. */
export function ordersRoutes(useCases: OrderUseCases): Hono {
  const routes = new Hono();
  routes.post("/", async (c) => {
    const order = await useCases.placeOrder.execute(await readJsonBody(c, placeOrderBody));
    c.header("Location", `/orders/${order.id}`);
    return c.json(order, 201);
  });
  routes.get("/", async (c) => c.json(await useCases.getOrder.latest()));
  routes.get("/:id", async (c) => c.json(await useCases.getOrder.execute(c.req.param("id"))));
  return routes;
}
