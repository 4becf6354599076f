import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { OrderUseCases } from "../application/use-cases/order.use-cases.ts";
import type { ProductUseCases } from "../application/use-cases/product.use-cases.ts";
import type { Money } from "../domain/money.value-object.ts";
import { authenticated, requireCaller, type ApiEnv } from "./caller.ts";
import { problemResponses } from "./problem.schemas.ts";
import { throwValidationError } from "./validation-hook.ts";

// v1 sent prices as decimal strings ("24.00") and a separate currency. v2 sends Money objects in minor units:
// a changed field type breaks every client that parses it, so it took a new version instead of a new field.
const ProductV1Schema = z
  .object({ id: z.string(), name: z.string(), price: z.string(), currency: z.string(), inStock: z.boolean() })
  .openapi("ProductV1");
const OrderV1Schema = z
  .object({ id: z.string(), customerId: z.string(), status: z.string(), total: z.string(), currency: z.string() })
  .openapi("OrderV1");

const text = { schema: { type: "string" as const }, required: true };
const deprecationHeaders = { Deprecation: text, Sunset: text, Link: text };
const IdParams = z.object({ id: z.string().openapi({ param: { name: "id", in: "path" } }) });

const getProductV1 = createRoute({
  method: "get",
  path: "/products/{id}",
  deprecated: true,
  request: { params: IdParams },
  responses: {
    200: {
      description: "The product (v1 shape)",
      headers: deprecationHeaders,
      content: { "application/json": { schema: ProductV1Schema } },
    },
    ...problemResponses(404),
  },
});

const getOrderV1 = createRoute({
  method: "get",
  path: "/orders/{id}",
  deprecated: true,
  security: [{ bearer: [] }],
  middleware: [authenticated] as const,
  request: { params: IdParams },
  responses: {
    200: {
      description: "The order (v1 shape)",
      headers: deprecationHeaders,
      content: { "application/json": { schema: OrderV1Schema } },
    },
    ...problemResponses(401, 404),
  },
});

/** "24.00" for 2400 EUR cents: the currency's own number of decimals, as v1 sent it. */
function decimal(money: Money): string {
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency: money.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (money.minorUnits / 10 ** digits).toFixed(digits);
}

/** /v1: the old shapes over the same use cases. Only the presentation differs between versions. */
export function v1Routes(deps: { products: ProductUseCases; orders: OrderUseCases }): OpenAPIHono<ApiEnv> {
  const routes = new OpenAPIHono<ApiEnv>({ defaultHook: throwValidationError });

  routes.openapi(getProductV1, async (c) => {
    const product = await deps.products.get(c.req.valid("param").id);
    const { id, name, unitPrice, stock } = product;
    return c.json({ id, name, price: decimal(unitPrice), currency: unitPrice.currency, inStock: stock > 0 }, 200);
  });

  routes.openapi(getOrderV1, async (c) => {
    const order = await deps.orders.get(requireCaller(c), c.req.valid("param").id);
    const { id, customerId, status, total } = order;
    return c.json({ id, customerId, status, total: decimal(total), currency: total.currency }, 200);
  });

  return routes;
}
