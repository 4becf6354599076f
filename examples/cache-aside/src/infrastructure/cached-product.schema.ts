import { z } from "zod";
import type { CachedProduct } from "../application/product-cache.ts";

/**
 * The shape of a cached product, checked when a value comes back from a shared cache: another
 * version of this service may have written it. Mirrors CachedProduct (and so ProductView).
 */
export const cachedProductSchema: z.ZodType<CachedProduct> = z.discriminatedUnion("found", [
  z.object({
    found: z.literal(true),
    product: z.object({
      id: z.string(),
      name: z.string(),
      price: z.object({ currency: z.string().length(3), minorUnits: z.number().int().nonnegative() }),
    }),
  }),
  z.object({ found: z.literal(false) }),
]);
