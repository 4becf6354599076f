import { z } from "zod";
import type { IntegrationEvent } from "../application/integration-events.ts";

// The event catalog as zod schemas: what may go on the wire, checked by the relay before it
// publishes and by consumers when they receive. The same shapes as the guide's JSON Schemas.

const money = z.strictObject({ currency: z.string().length(3), minorUnits: z.number().int().nonnegative() });
const envelope = { id: z.string().min(1), occurredAt: z.iso.datetime({ offset: true }) };

const orderPlacedV1 = z.strictObject({
  type: z.literal("order.placed"),
  version: z.literal(1),
  ...envelope,
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  lines: z
    .array(z.strictObject({ productId: z.string().min(1), quantity: z.number().int().positive(), unitPrice: money }))
    .min(1),
  total: money,
});

const orderConfirmedV1 = z.strictObject({
  type: z.literal("order.confirmed"),
  version: z.literal(1),
  ...envelope,
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  total: money,
});

const orderCancelledV1 = z.strictObject({
  type: z.literal("order.cancelled"),
  version: z.literal(1),
  ...envelope,
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  reason: z.string(),
});

const catalog = {
  "order.placed": orderPlacedV1,
  "order.confirmed": orderConfirmedV1,
  "order.cancelled": orderCancelledV1,
} as const;

/** Why a message can never be published or consumed: an unknown type or a payload that breaks its schema. */
export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEventError";
  }
}

/** Checks untrusted JSON against the catalog; returns the typed event or throws InvalidEventError. */
export function parseIntegrationEvent(json: unknown): IntegrationEvent {
  const type = typeof json === "object" && json !== null && "type" in json ? json.type : undefined;
  const schema = typeof type === "string" && Object.hasOwn(catalog, type) ? catalog[type as keyof typeof catalog] : undefined;
  if (schema === undefined) throw new InvalidEventError(`unknown event type ${JSON.stringify(type)}`);
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new InvalidEventError(`${type as string} does not match its schema: ${problems.join("; ")}`);
  }
  return result.data;
}
