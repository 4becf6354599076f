import { Hono } from "hono";
import type { CreateOrderUseCase } from "../application/use-cases/create-order.use-case.ts";
import type { GetOrderUseCase } from "../application/use-cases/get-order.use-case.ts";
import type { ListOrdersUseCase } from "../application/use-cases/list-orders.use-case.ts";
import { encodeOrderCursor } from "./order-cursor.ts";
import { createOrderBody, listOrdersQuery } from "./order.schemas.ts";
import { readJsonBody, readQuery } from "./read-request.ts";

/** The use cases the orders routes call (only their `execute`, so tests can pass stand-ins). */
export type OrderUseCases = {
  readonly createOrder: Pick<CreateOrderUseCase, "execute">;
  readonly getOrder: Pick<GetOrderUseCase, "execute">;
  readonly listOrders: Pick<ListOrdersUseCase, "execute">;
};

/** `/orders`: translate HTTP to use-case calls and back. No rules here; errors bubble up to app.onError. */
export function ordersRoutes(useCases: OrderUseCases): Hono {
  const routes = new Hono();

  routes.post("/", async (c) => {
    const command = await readJsonBody(c, createOrderBody);
    const order = await useCases.createOrder.execute(command);
    return c.json(order, 201, { Location: `/orders/${encodeURIComponent(order.id)}` });
  });

  routes.get("/:id", async (c) => c.json(await useCases.getOrder.execute(c.req.param("id"))));

  routes.get("/", async (c) => {
    const query = readQuery(c, listOrdersQuery);
    const page = await useCases.listOrders.execute({ limit: query.limit, after: query.cursor });
    return c.json({ items: page.items, nextCursor: page.next === null ? null : encodeOrderCursor(page.next) });
  });

  return routes;
}
