import { z } from "@hono/zod-openapi";

/** Money on the wire, as the canon fixes it: integer minor units and an ISO 4217 code. */
export const MoneySchema = z
  .object({
    minorUnits: z.int().openapi({ example: 2400, description: "Whole minor units (cents), never a float" }),
    currency: z.string().length(3).openapi({ example: "EUR" }),
  })
  .openapi("Money");
