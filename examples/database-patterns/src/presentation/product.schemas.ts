import { z } from "zod";

/** PATCH /products/:id: the version the client read, and what to change (at least one thing). */
export const ChangeProductBody = z
  .strictObject({
    version: z.int().min(0),
    name: z.string().trim().min(1).max(200).optional(),
    unitPrice: z.strictObject({ minorUnits: z.int(), currency: z.string() }).optional(),
  })
  .refine((body) => body.name !== undefined || body.unitPrice !== undefined, {
    message: "Send name, unitPrice or both",
  });
