import { Hono } from "hono";
import type { AccessTokenVerifier } from "../application/ports/access-tokens.port.ts";
import type { OrderUseCases } from "../application/order.use-cases.ts";
import type { ApiEnv } from "./api-env.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { requireAnyRole, requirePermissions } from "./middleware/authorize.ts";
import { placeOrderBody } from "./order.schemas.ts";
import { readJsonBody } from "./read-json-body.ts";

/**
 * The shop's orders, every route behind a verified access token. Routes check roles and permissions;
 * whether this caller may see this particular order is the use case's object-level check.
 */
export function ordersRoutes(orders: OrderUseCases, verifier: AccessTokenVerifier): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use(authenticate(verifier));

  routes.post("/", requirePermissions("orders:place"), async (c) => {
    const { lines } = await readJsonBody(c, placeOrderBody);
    const order = await orders.place(c.get("principal"), lines);
    c.header("Location", `/orders/${order.id}`);
    return c.json(order, 201);
  });

  routes.get("/", requirePermissions("orders:read"), async (c) =>
    c.json({ orders: await orders.listMine(c.get("principal")) }),
  );

  // Staff only: every customer's orders.
  routes.get("/all", requireAnyRole("staff"), requirePermissions("orders:read-any"), async (c) =>
    c.json({ orders: await orders.listAll() }),
  );

  routes.get("/:id", requirePermissions("orders:read"), async (c) =>
    c.json(await orders.get(c.get("principal"), c.req.param("id"))),
  );
  return routes;
}
