import { z } from "zod";

/**
 * Body of `POST /orders`: shape and types only. Rules such as "quantity from 1 to 99" live in the
 * domain, once, so every way into the service gets them.
 */
export const placeOrderBody = z.object({
  customerId: z.string().min(1),
  lines: z.array(
    z.object({
      productId: z.string().min(1),
      quantity: z.number().int(),
    }),
  ),
});
