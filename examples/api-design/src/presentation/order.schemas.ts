import { z } from "@hono/zod-openapi";
import type { Order } from "../domain/order.entity.ts";
import { MoneySchema } from "./money.schemas.ts";

/** An order as v2 returns it. */
export const OrderSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    status: z.enum(["pending"]),
    lines: z.array(z.object({ productId: z.string(), quantity: z.int(), unitPrice: MoneySchema })),
    total: MoneySchema,
    createdAt: z.iso.datetime(),
  })
  .openapi("Order");

/** POST /v2/orders. The customer is the caller, never a field a client could set to someone else. */
export const OrderCreateSchema = z
  .strictObject({
    lines: z.array(z.strictObject({ productId: z.string().min(1), quantity: z.int() })),
  })
  .openapi("OrderCreate");

/** GET /v2/orders: an offset page, 20 by default and at most 100. */
export const OrderListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** One offset page, with the totals an offset page can promise. */
export const OrderPageSchema = z
  .object({
    items: z.array(OrderSchema),
    page: z.int(),
    pageSize: z.int(),
    total: z.int(),
    totalPages: z.int(),
    hasNext: z.boolean(),
  })
  .openapi("OrderPage");

/** The order as JSON. */
export function orderJson(order: Order): z.infer<typeof OrderSchema> {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    lines: order.lines.map((line) => ({ ...line, unitPrice: line.unitPrice.toJSON() })),
    total: order.total.toJSON(),
    createdAt: order.createdAt.toISOString(),
  };
}
