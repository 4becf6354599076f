import { Hono } from "hono";
import { z } from "zod";
import type { OutboxMessage } from "../application/ports/outbox.port.ts";
import type { RelayOutboxUseCase } from "../application/relay-outbox.use-case.ts";
import { RequestValidationError } from "./request-errors.ts";

const RelayQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(2) });

/** POST /outbox/relay runs the relay once; GET /outbox/published shows what reached the (stand-in) broker. */
export function outboxRoutes(relay: RelayOutboxUseCase, published: () => readonly OutboxMessage[]): Hono {
  const routes = new Hono();
  routes.post("/relay", async (c) => {
    const parsed = RelayQuery.safeParse(c.req.query());
    if (!parsed.success) {
      throw new RequestValidationError(
        parsed.error.issues.map((issue) => ({ pointer: `/${issue.path.join("/")}`, message: issue.message })),
      );
    }
    const batch = await relay.execute(parsed.data.limit);
    return c.json({ published: batch.map((message) => ({ id: message.id, type: message.type })) });
  });
  routes.get("/published", (c) => c.json({ count: published().length, messages: published() }));
  return routes;
}
