import { z } from "zod";
import { Order } from "../domain/order.aggregate.ts";
import { Quantity } from "../domain/quantity.value-object.ts";

// What any single request must look like (types, formats, bounds). Whether the stock suffices
// depends on the current state, so that rule stays in the Product aggregate.

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1 to 64 letters, digits, "-" or "_"');

/** Body of POST /orders. */
export const placeOrderBody = z.strictObject({
  customerId: id,
  lines: z
    .array(z.strictObject({ productId: id, quantity: z.number().int().min(Quantity.MIN).max(Quantity.MAX) }))
    .min(1)
    .max(Order.MAX_LINES),
});
