import { z } from "zod";

// No customerId: the customer is the caller the access token names. Unknown fields are refused.
const line = z.strictObject({ productId: z.string().min(1), quantity: z.number().int() });

/** Body of POST /orders. */
export const placeOrderBody = z.strictObject({ lines: z.array(line) });
