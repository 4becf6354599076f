import { Hono } from "hono";
import { z } from "zod";
import { readJsonBody } from "./read-request.ts";

/** The development-only hooks the guide's sandbox uses (never mounted when NODE_ENV=production). */
export type GuideHooks = {
  /** Recent traces as TRACES.md describes them, newest first; one trace when `traceId` is given. */
  readonly recentTraces: (traceId?: string) => { readonly traces: readonly unknown[] };
  /** Simulated outages: switch a component off or on, get the current switches back. */
  readonly setOutages: (outages: { database?: boolean; cache?: boolean }) => { database: boolean; cache: boolean };
};

const outagesBody = z.strictObject({ database: z.boolean().optional(), cache: z.boolean().optional() });

/** `/_guide`: the traces the page draws, and outage switches for the README's things to try. */
export function guideRoutes(hooks: GuideHooks): Hono {
  const routes = new Hono();
  routes.get("/traces", (c) => c.json(hooks.recentTraces(c.req.query("traceId"))));
  routes.put("/outages", async (c) => c.json(hooks.setOutages(await readJsonBody(c, outagesBody))));
  return routes;
}
