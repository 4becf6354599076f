import { z } from "zod";

// Shape and types only. Rules such as "quantity from 1 to 99", "at most 10 lines" or "enough in
// stock" live in the domain, once, whatever the entry point.

/** Body of POST /orders. */
export const placeOrderBody = z.strictObject({
  customerId: z.string().min(1),
  lines: z.array(z.strictObject({ productId: z.string().min(1), quantity: z.number().int() })),
});

/** Body of POST /faults: any subset of the faults, each bounded so an experiment stays small. */
export const faultsBody = z
  .strictObject({
    declinePayments: z.boolean(),
    failReleases: z.number().int().min(0).max(20),
    crashRelayAfter: z.number().int().min(1).max(50).nullable(),
    duplicateDeliveries: z.number().int().min(0).max(20),
  })
  .partial();
