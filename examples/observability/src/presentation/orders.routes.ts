import { Hono } from "hono";
import type { GetOrderUseCase } from "../application/use-cases/get-order.use-case.ts";
import type { PlaceOrderUseCase } from "../application/use-cases/place-order.use-case.ts";
import { placeOrderBody } from "./order.schemas.ts";
import { readJsonBody } from "./read-request.ts";

/** The use cases the orders routes call (only their `execute`, so tests can pass stand-ins). */
export type OrderUseCases = {
  readonly placeOrder: Pick<PlaceOrderUseCase, "execute">;
  readonly getOrder: Pick<GetOrderUseCase, "execute">;
};

/** `/orders`. No try/catch: every error goes up to the one handler in app.ts. */
export function ordersRoutes(useCases: OrderUseCases): Hono {
  const routes = new Hono();

  routes.post("/", async (c) => {
    const order = await useCases.placeOrder.execute(await readJsonBody(c, placeOrderBody));
    return c.json(order, 201, { Location: `/orders/${encodeURIComponent(order.id)}` });
  });

  routes.get("/:id", async (c) => c.json(await useCases.getOrder.execute(c.req.param("id"))));

  return routes;
}
