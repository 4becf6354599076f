import { z } from "zod";

const ISO_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** Body of PUT /products/:id: the new price. Whether its currency suits the product is the domain's call. */
export const updateProductBody = z.strictObject({
  price: z.strictObject({
    currency: z.string().refine((code) => ISO_CURRENCIES.has(code), "Must be an ISO 4217 currency code, e.g. EUR"),
    minorUnits: z.number().int().min(0),
  }),
});
