import { Hono } from "hono";
import type { CallPolicyStateSource } from "../application/ports/call-policy-state.port.ts";

/** `GET /resilience`: what each outgoing call's policies are doing now (breaker, retries, budget, bulkhead). */
export function resilienceRoutes(sources: readonly CallPolicyStateSource[]): Hono {
  const routes = new Hono();
  routes.get("/", (c) => c.json({ calls: sources.map((source) => source.state()) }));
  return routes;
}
