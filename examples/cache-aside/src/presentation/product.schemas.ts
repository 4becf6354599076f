import { z } from "zod";

/**
 * Body of PUT /products/:id: shape and types only. Whether the amount is valid money (an ISO
 * currency, not negative) and suits the product is for the domain to say.
 */
export const updateProductBody = z.strictObject({
  price: z.strictObject({ currency: z.string(), minorUnits: z.number().int() }),
});
