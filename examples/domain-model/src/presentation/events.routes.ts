import { Hono } from "hono";
import type { ListPublishedEventsUseCase } from "../application/list-published-events.use-case.ts";

/** GET /events: what the event publisher has sent so far, so you can watch events appear after each save. */
export function eventsRoutes(listPublishedEvents: ListPublishedEventsUseCase): Hono {
  const routes = new Hono();
  routes.get("/", async (c) => c.json({ events: await listPublishedEvents.execute() }));
  return routes;
}
