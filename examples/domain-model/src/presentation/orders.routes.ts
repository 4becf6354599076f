import { Hono } from "hono";
import type { ConfirmOrderUseCase } from "../application/confirm-order.use-case.ts";
import type { GetOrderUseCase } from "../application/get-order.use-case.ts";
import type {
  CancelOrderUseCase,
  DeliverOrderUseCase,
  ShipOrderUseCase,
} from "../application/order-lifecycle.use-cases.ts";
import type { AddOrderLineUseCase, RemoveOrderLineUseCase } from "../application/order-lines.use-cases.ts";
import type { PlaceOrderUseCase } from "../application/place-order.use-case.ts";
import { addOrderLineBody, cancelOrderBody, placeOrderBody } from "./order.schemas.ts";
import { readJsonBody } from "./read-json-body.ts";

/** The use cases the order routes call. */
export type OrderUseCases = {
  placeOrder: PlaceOrderUseCase;
  getOrder: GetOrderUseCase;
  addOrderLine: AddOrderLineUseCase;
  removeOrderLine: RemoveOrderLineUseCase;
  confirmOrder: ConfirmOrderUseCase;
  cancelOrder: CancelOrderUseCase;
  shipOrder: ShipOrderUseCase;
  deliverOrder: DeliverOrderUseCase;
};

/** HTTP routes for orders: parse and validate input, call one use case, shape the response. Nothing else. */
export function ordersRoutes(useCases: OrderUseCases): Hono {
  const routes = new Hono();

  routes.post("/", async (c) => {
    const order = await useCases.placeOrder.execute(await readJsonBody(c, placeOrderBody));
    c.header("Location", `/orders/${order.id}`);
    return c.json(order, 201);
  });

  routes.get("/:id", async (c) => c.json(await useCases.getOrder.execute(c.req.param("id"))));

  routes.post("/:id/lines", async (c) => {
    const line = await readJsonBody(c, addOrderLineBody);
    return c.json(await useCases.addOrderLine.execute(c.req.param("id"), line));
  });

  routes.delete("/:id/lines/:productId", async (c) =>
    c.json(await useCases.removeOrderLine.execute(c.req.param("id"), c.req.param("productId"))),
  );

  routes.post("/:id/confirm", async (c) => c.json(await useCases.confirmOrder.execute(c.req.param("id"))));

  routes.post("/:id/cancel", async (c) => {
    const body = await readJsonBody(c, cancelOrderBody, { optional: true });
    return c.json(await useCases.cancelOrder.execute(c.req.param("id"), body.reason ?? "Cancelled by the customer"));
  });

  routes.post("/:id/ship", async (c) => c.json(await useCases.shipOrder.execute(c.req.param("id"))));

  routes.post("/:id/deliver", async (c) => c.json(await useCases.deliverOrder.execute(c.req.param("id"))));

  return routes;
}
