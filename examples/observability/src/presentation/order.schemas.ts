import { z } from "zod";

/**
 * Body of `POST /orders`: shape and types only. Rules such as "quantity at least 1" or "enough in
 * stock" live in the domain, once, whatever the entry point.
 */
export const placeOrderBody = z.object({
  lines: z.array(z.object({ productId: z.string().min(1), quantity: z.number().int() })),
});
