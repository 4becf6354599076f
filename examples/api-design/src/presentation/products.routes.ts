import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { sortKey } from "../application/ports/product.repository.port.ts";
import type { ProductUseCases } from "../application/use-cases/product.use-cases.ts";
import { authenticated, requireCaller, type ApiEnv } from "./caller.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { etagOf, ifMatchCondition } from "./etag.ts";
import { problemResponses } from "./problem.schemas.ts";
import {
  ProductCreateSchema,
  productJson,
  ProductListQuerySchema,
  ProductPageSchema,
  ProductPatchSchema,
  ProductSchema,
} from "./product.schemas.ts";
import { UnsupportedMediaTypeError } from "./request-errors.ts";
import { throwValidationError } from "./validation-hook.ts";

const IdParams = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" }, example: "p-1" }) });
const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const etagHeader = { ETag: { schema: { type: "string" as const }, required: true } };
const ifMatch = z.object({
  "if-match": z.string().optional().openapi({ description: 'The ETag last read, e.g. "0"' }),
});
const idempotencyKey = z.object({ "idempotency-key": z.string().optional() });

const listProducts = createRoute({
  method: "get",
  path: "/",
  summary: "A keyset page of products, filtered and sorted by allow-listed fields",
  request: { query: ProductListQuerySchema },
  responses: { 200: { description: "One page", content: json(ProductPageSchema) }, ...problemResponses(422) },
});

const getProduct = createRoute({
  method: "get",
  path: "/{id}",
  request: { params: IdParams },
  responses: {
    200: { description: "The product", headers: etagHeader, content: json(ProductSchema) },
    ...problemResponses(404),
  },
});

const bearer = [{ bearer: [] }];

const createProduct = createRoute({
  method: "post",
  path: "/",
  security: bearer,
  middleware: [authenticated] as const,
  request: {
    headers: idempotencyKey,
    body: { required: true, content: json(ProductCreateSchema) },
  },
  responses: {
    201: {
      description: "Created",
      headers: { ...etagHeader, Location: { schema: { type: "string" as const }, required: true } },
      content: json(ProductSchema),
    },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

// RFC 7396 has its own media type; taking plain JSON here would hide which semantics the client meant.
const requireMergePatch: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/merge-patch+json") {
    throw new UnsupportedMediaTypeError("Send the patch as application/merge-patch+json (RFC 7396)");
  }
  await next();
};

const updateProduct = createRoute({
  method: "patch",
  path: "/{id}",
  security: bearer,
  middleware: [authenticated, requireMergePatch] as const,
  request: {
    params: IdParams,
    headers: ifMatch,
    body: { required: true, content: { "application/merge-patch+json": { schema: ProductPatchSchema } } },
  },
  responses: {
    200: { description: "The changed product", headers: etagHeader, content: json(ProductSchema) },
    ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 428),
  },
});

const deleteProduct = createRoute({
  method: "delete",
  path: "/{id}",
  security: bearer,
  middleware: [authenticated] as const,
  request: { params: IdParams },
  responses: { 204: { description: "Deleted" }, ...problemResponses(401, 403, 404) },
});

/** /v2/products: the catalog. Reading is public; changes need a staff token. */
export function productsRoutes(products: ProductUseCases): OpenAPIHono<ApiEnv> {
  const routes = new OpenAPIHono<ApiEnv>({ defaultHook: throwValidationError });

  routes.openapi(listProducts, async (c) => {
    const { limit, cursor, sort, currency, inStock } = c.req.valid("query");
    const after = cursor === undefined ? undefined : decodeCursor(cursor, sort);
    // One more than asked tells whether there is a next page, without counting anything.
    const found = await products.list({
      sort,
      after,
      limit: limit + 1,
      currency,
      inStock: inStock === undefined ? undefined : inStock === "true",
    });
    const items = found.slice(0, limit);
    const last = items.at(-1);
    const nextCursor =
      found.length > limit && last !== undefined ? encodeCursor({ sort, key: sortKey(last, sort), id: last.id }) : null;
    return c.json({ items: items.map(productJson), nextCursor }, 200);
  });

  routes.openapi(getProduct, async (c) => {
    const product = await products.get(c.req.valid("param").id);
    return c.json(productJson(product), 200, { ETag: etagOf(product.version) });
  });

  routes.openapi(createProduct, async (c) => {
    const product = await products.create(requireCaller(c), c.req.valid("json"));
    const headers = { Location: `/v2/products/${product.id}`, ETag: etagOf(product.version) };
    return c.json(productJson(product), 201, headers);
  });

  routes.openapi(updateProduct, async (c) => {
    const { id } = c.req.valid("param");
    const caller = requireCaller(c);
    const decidedOn = ifMatchCondition(c.req.valid("header")["if-match"], `/v2/products/${id}`);
    const product = await products.update(caller, id, c.req.valid("json"), decidedOn);
    return c.json(productJson(product), 200, { ETag: etagOf(product.version) });
  });

  routes.openapi(deleteProduct, async (c) => {
    await products.delete(requireCaller(c), c.req.valid("param").id);
    return c.body(null, 204);
  });

  return routes;
}
