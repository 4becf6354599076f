import { Hono } from "hono";
import type { FaultSwitchboard } from "../application/fault-switchboard.ts";
import { faultsBody } from "./order.schemas.ts";
import { readJsonBody } from "./read-json-body.ts";

/** GET /faults shows the faults switched on; POST changes some of them; DELETE switches all off. */
export function faultsRoutes(faults: FaultSwitchboard): Hono {
  const routes = new Hono();
  routes.get("/", (c) => c.json(faults.current));
  routes.post("/", async (c) => {
    const changes = await readJsonBody(c, faultsBody);
    // zod's partial() leaves absent keys out, so only the faults named in the body change.
    return c.json(faults.set(changes as Partial<typeof faults.current>));
  });
  routes.delete("/", (c) => c.json(faults.reset()));
  return routes;
}
