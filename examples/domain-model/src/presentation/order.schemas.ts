import { z } from "zod";

// Shape and types only. Rules such as "quantity from 1 to 99" or "at most 10 lines" live in the
// domain, once, so every way into the service (HTTP, a queue consumer, a CLI) gets them.
// Unknown fields are refused, so a misspelt "promocode" is reported instead of silently ignored.

const line = z.strictObject({ productId: z.string().min(1), quantity: z.number().int() });

/** Body of POST /orders. */
export const placeOrderBody = z.strictObject({
  customerId: z.string().min(1),
  lines: z.array(line),
  promoCode: z.string().min(1).optional(),
});

/** Body of POST /orders/:id/lines. */
export const addOrderLineBody = line;

/** Body of POST /orders/:id/cancel (optional). */
export const cancelOrderBody = z.strictObject({ reason: z.string().min(1).optional() });
