import { z } from "zod";
import { Order } from "../domain/order.aggregate.ts";
import { Quantity } from "../domain/quantity.value-object.ts";

// The schemas check what any single request must look like (types, formats, bounds a field can
// never exceed). Rules that depend on the order's current state stay in the Order aggregate.
// The bounds come from the domain, so each number lives in one place.

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1 to 64 letters, digits, "-" or "_"');
const quantity = z.number().int().min(Quantity.MIN).max(Quantity.MAX);
const line = z.strictObject({ productId: id, quantity });

/** Body of POST /orders. */
export const placeOrderBody = z.strictObject({
  customerId: id,
  lines: z.array(line).min(1).max(Order.MAX_LINES),
  promoCode: z.string().min(1).max(20).optional(),
});

/** Body of POST /orders/:id/lines. */
export const addOrderLineBody = line;

/** Body of POST /orders/:id/cancel (optional). */
export const cancelOrderBody = z.strictObject({ reason: z.string().min(1).max(200).optional() });
