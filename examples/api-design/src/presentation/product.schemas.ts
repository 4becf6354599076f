import { z } from "@hono/zod-openapi";
import { PRODUCT_SORTS } from "../application/ports/product.repository.port.ts";
import type { Product } from "../domain/product.entity.ts";
import { MoneySchema } from "./money.schemas.ts";

/** A product as v2 returns it. */
export const ProductSchema = z
  .object({
    id: z.string().openapi({ example: "p-1" }),
    name: z.string(),
    description: z.string().nullable(),
    unitPrice: MoneySchema,
    stock: z.int(),
    createdAt: z.iso.datetime(),
    version: z.int().openapi({ description: "Also sent as the ETag" }),
  })
  .openapi("Product");

// Create and update are two schemas: create requires what a product cannot lack; a merge patch (RFC 7396)
// requires nothing, and `null` there means "remove", so only a field that may be absent accepts it.
/** POST /v2/products. */
export const ProductCreateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    unitPrice: MoneySchema,
    stock: z.int().min(0),
  })
  .openapi("ProductCreate");

/** PATCH /v2/products/{id} as application/merge-patch+json: every field optional, unknown fields refused. */
export const ProductPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    unitPrice: MoneySchema.optional(),
    stock: z.int().min(0).optional(),
  })
  .openapi("ProductPatch");

/** GET /v2/products: the filters and sorts are allow-lists; anything else is a 422, not silently ignored. */
export const ProductListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional().openapi({ description: "nextCursor of the previous page; opaque" }),
  sort: z.enum(PRODUCT_SORTS).default("createdAt"),
  currency: z.string().length(3).optional(),
  inStock: z.enum(["true", "false"]).optional(),
});

/** One keyset page: no total and no page numbers, only the way on. */
export const ProductPageSchema = z
  .object({
    items: z.array(ProductSchema),
    nextCursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last" }),
  })
  .openapi("ProductPage");

/** The product as JSON. */
export function productJson(product: Product): z.infer<typeof ProductSchema> {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    unitPrice: product.unitPrice.toJSON(),
    stock: product.stock,
    createdAt: product.createdAt.toISOString(),
    version: product.version,
  };
}
