import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { OrderUseCases } from "../application/use-cases/order.use-cases.ts";
import { authenticated, requireCaller, type ApiEnv } from "./caller.ts";
import { OrderCreateSchema, orderJson, OrderListQuerySchema, OrderPageSchema, OrderSchema } from "./order.schemas.ts";
import { problemResponses } from "./problem.schemas.ts";
import { throwValidationError } from "./validation-hook.ts";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const bearer = [{ bearer: [] }];

const placeOrder = createRoute({
  method: "post",
  path: "/",
  summary: "Place an order for the caller; send an Idempotency-Key to make retries safe",
  security: bearer,
  middleware: [authenticated] as const,
  request: {
    headers: z.object({ "idempotency-key": z.string().optional().openapi({ example: "4f1c…" }) }),
    body: { required: true, content: json(OrderCreateSchema) },
  },
  responses: {
    201: {
      description: "Placed",
      headers: { Location: { schema: { type: "string" as const }, required: true } },
      content: json(OrderSchema),
    },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

const listOrders = createRoute({
  method: "get",
  path: "/",
  summary: "An offset page of the caller's orders (staff: everyone's), newest first",
  security: bearer,
  middleware: [authenticated] as const,
  request: { query: OrderListQuerySchema },
  responses: { 200: { description: "One page", content: json(OrderPageSchema) }, ...problemResponses(401, 422) },
});

const getOrder = createRoute({
  method: "get",
  path: "/{id}",
  security: bearer,
  middleware: [authenticated] as const,
  request: { params: z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "o-1" }) }) },
  responses: { 200: { description: "The order", content: json(OrderSchema) }, ...problemResponses(401, 404) },
});

/** /v2/orders: a customer's orders. Every operation needs a bearer token. */
export function ordersRoutes(orders: OrderUseCases): OpenAPIHono<ApiEnv> {
  const routes = new OpenAPIHono<ApiEnv>({ defaultHook: throwValidationError });

  routes.openapi(placeOrder, async (c) => {
    const order = await orders.place(requireCaller(c), c.req.valid("json"));
    return c.json(orderJson(order), 201, { Location: `/v2/orders/${order.id}` });
  });

  routes.openapi(listOrders, async (c) => {
    const caller = requireCaller(c);
    const { page, pageSize } = c.req.valid("query");
    const { items, total } = await orders.list(caller, { offset: (page - 1) * pageSize, limit: pageSize });
    const totalPages = Math.ceil(total / pageSize);
    return c.json({ items: items.map(orderJson), page, pageSize, total, totalPages, hasNext: page < totalPages }, 200);
  });

  routes.openapi(getOrder, async (c) => {
    const order = await orders.get(requireCaller(c), c.req.valid("param").id);
    return c.json(orderJson(order), 200);
  });

  return routes;
}
