import { Hono, type Context } from "hono";
import type { OrderView } from "../application/order-view.ts";
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
import { etagOf, expectedVersion } from "./versions.ts";

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
    c.header("ETag", etagOf(order.version));
    return c.json(order, 201);
  });

  routes.get("/:id", async (c) => withETag(c, await useCases.getOrder.execute(c.req.param("id"))));

  // Every change names the version it was decided on (If-Match), so two clients cannot overwrite each other.
  routes.post("/:id/lines", async (c) => {
    const version = expectedVersion(c);
    const line = await readJsonBody(c, addOrderLineBody);
    return withETag(c, await useCases.addOrderLine.execute(c.req.param("id"), line, version));
  });

  routes.delete("/:id/lines/:productId", async (c) => {
    const version = expectedVersion(c);
    return withETag(c, await useCases.removeOrderLine.execute(c.req.param("id"), c.req.param("productId"), version));
  });

  routes.post("/:id/confirm", async (c) =>
    withETag(c, await useCases.confirmOrder.execute(c.req.param("id"), expectedVersion(c))),
  );

  routes.post("/:id/cancel", async (c) => {
    const version = expectedVersion(c);
    const body = await readJsonBody(c, cancelOrderBody, { optional: true });
    const reason = body.reason ?? "Cancelled by the customer";
    return withETag(c, await useCases.cancelOrder.execute(c.req.param("id"), reason, version));
  });

  routes.post("/:id/ship", async (c) =>
    withETag(c, await useCases.shipOrder.execute(c.req.param("id"), expectedVersion(c))),
  );

  routes.post("/:id/deliver", async (c) =>
    withETag(c, await useCases.deliverOrder.execute(c.req.param("id"), expectedVersion(c))),
  );

  return routes;
}

/** Answers with the order and its version as the ETag, for the client's next If-Match. */
function withETag(c: Context, order: OrderView): Response {
  c.header("ETag", etagOf(order.version));
  return c.json(order);
}
