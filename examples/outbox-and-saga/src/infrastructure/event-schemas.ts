import { z } from "zod";
import type { IntegrationEvent } from "../application/integration-events.ts";

// The guide's event catalog (its JSON Schemas) as zod schemas: what may go on the wire, checked by
// the relay before it publishes and by consumers when they receive. Consumers ignore fields they do
// not know, so producers can add optional ones within a version: hence z.object, not strictObject.

const money = z.object({ minorUnits: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) });
const envelope = { id: z.uuid(), occurredAt: z.iso.datetime() };

const orderPlacedV1 = z.object({
  type: z.literal("order.placed"),
  version: z.literal(1),
  ...envelope,
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  lines: z
    .array(z.object({ productId: z.string().min(1), quantity: z.number().int().min(1).max(99), unitPrice: money }))
    .min(1),
  subtotal: money,
});

const orderConfirmedV1 = z.object({
  type: z.literal("order.confirmed"),
  version: z.literal(1),
  ...envelope,
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  discount: z
    .object({ source: z.enum(["tier", "promo"]), percent: z.number().int().min(0).max(100), amount: money })
    .optional(),
  total: money,
});

const orderCancelledV1 = z.object({
  type: z.literal("order.cancelled"),
  version: z.literal(1),
  ...envelope,
  orderId: z.string().min(1),
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
  const schema =
    typeof type === "string" && Object.hasOwn(catalog, type) ? catalog[type as keyof typeof catalog] : undefined;
  if (schema === undefined) throw new InvalidEventError(`unknown event type ${JSON.stringify(type)}`);
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new InvalidEventError(`${type as string} does not match its schema: ${problems.join("; ")}`);
  }
  return result.data;
}
