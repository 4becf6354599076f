import { z } from "zod";

// Shape and types only. Rules such as "quantity from 1 to 99", "at most 10 lines" or "enough in
// stock" live in the domain, once, whatever the entry point.

/** Body of POST /orders. */
export const placeOrderBody = z.strictObject({
  customerId: z.string().min(1),
  lines: z.array(z.strictObject({ productId: z.string().min(1), quantity: z.number().int() })),
});
