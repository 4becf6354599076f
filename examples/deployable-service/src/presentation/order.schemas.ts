import { z } from "zod";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../application/use-cases/list-orders.use-case.ts";
import { decodeOrderCursor } from "./order-cursor.ts";

/**
 * Body of `POST /orders`: shape and types only. Rules such as "quantity at least 1" or "at most 10 lines"
 * live in the domain, once, so every way into the service (HTTP, a queue consumer, a CLI) gets them.
 */
export const createOrderBody = z.object({
  customerId: z.string().min(1),
  lines: z.array(
    z.object({
      productId: z.string().min(1),
      quantity: z.number().int(),
    }),
  ),
});

/** Query of `GET /orders`. */
export const listOrdersQuery = z.object({
  limit: z.coerce
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(1, { error: `must be between 1 and ${MAX_PAGE_SIZE}` })
    .max(MAX_PAGE_SIZE, { error: `must be between 1 and ${MAX_PAGE_SIZE}` })
    .default(DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .transform((cursor, ctx) => {
      const position = decodeOrderCursor(cursor);
      if (position === undefined) ctx.addIssue("is not a cursor this API returned; pass nextCursor back unchanged");
      return position;
    })
    .optional(),
});
