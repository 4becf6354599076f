import { Hono } from "hono";
import { z } from "zod";
import type { ListOrdersUseCase } from "../application/list-orders.use-case.ts";
import { decodeCursor } from "../application/order-cursor.ts";
import { LINE_LOADINGS, type LineLoading } from "../application/ports/order.queries.port.ts";
import { RequestValidationError } from "./request-errors.ts";

const ListOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  after: z.string().optional(),
  lines: z.enum(LINE_LOADINGS as [LineLoading, ...LineLoading[]]).default("select-in"),
});

/** GET /orders: a page of orders with their lines; `lines=` picks how the lines are loaded. */
export function ordersRoutes(listOrders: ListOrdersUseCase): Hono {
  const routes = new Hono();
  routes.get("/", async (c) => {
    const parsed = ListOrdersQuery.safeParse(c.req.query());
    if (!parsed.success) {
      throw new RequestValidationError(
        parsed.error.issues.map((issue) => ({ pointer: `/${issue.path.join("/")}`, message: issue.message })),
      );
    }
    const { limit, after, lines } = parsed.data;
    const cursor = after === undefined ? undefined : decodeCursor(after);
    if (after !== undefined && cursor === undefined) {
      throw new RequestValidationError([{ pointer: "/after", message: "Not a cursor from a previous page" }]);
    }
    return c.json(await listOrders.execute({ limit, after: cursor, lines }));
  });
  return routes;
}
