import { SITE_URL } from "./site.ts";

/** A JSON Schema (draft 2020-12) document, as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One integration event: a published contract other services consume. */
export type IntegrationEventContract = {
  /** The envelope's `type`, also the broker's routing key: `<aggregate>.<past-tense verb>`. */
  readonly type: string;
  /** The envelope's `version`: a breaking change is a new version, published beside the old one. */
  readonly version: number;
  /** Class name in both languages: PascalCase of `type`, plus `V<version>`. */
  readonly className: string;
  /** The domain event it is translated from, in the producing service. */
  readonly fromDomainEvent: string;
  readonly producer: string;
  readonly doc: string;
  /** The whole message, envelope included. */
  readonly schema: JsonSchema;
  /** One message exactly as it travels, from Python and TypeScript alike. */
  readonly sample: Readonly<Record<string, unknown>>;
};

/**
 * The wire format, decided once. Both languages produce and parse exactly this JSON: Pydantic v2 models
 * with `alias_generator=to_camel` and `populate_by_name=True`, dumped `by_alias=True`; zod schemas in
 * TypeScript.
 */
export const wireFormat = {
  envelope: ["type", "version", "id", "occurredAt"],
  fieldNaming: "camelCase",
  ids: "strings (opaque; UUIDs for new ids)",
  timestamps: "ISO 8601 in UTC with a Z, e.g. 2026-12-01T09:30:00.000Z",
  money: '{"minorUnits": <integer ≥ 0>, "currency": "<ISO 4217>"}',
  unknownFields: "ignored by consumers, so producers may add optional fields within a version",
} as const;

/** Where the schemas are published (one JSON file each, generated with the site); `$id`s live under it. */
export const EVENT_SCHEMA_BASE = `${SITE_URL}/reference/events/`;

/** The schema's file name under EVENT_SCHEMA_BASE, e.g. `order.placed.v1.json`. */
export function schemaFileName(event: { readonly type: string; readonly version: number }): string {
  return `${event.type}.v${event.version}.json`;
}

const money: JsonSchema = {
  type: "object",
  required: ["minorUnits", "currency"],
  properties: {
    minorUnits: { type: "integer", minimum: 0 },
    currency: { type: "string", pattern: "^[A-Z]{3}$" },
  },
};

const id: JsonSchema = { type: "string", minLength: 1 };

/** Builds a message schema: the envelope fields plus the event's own, all required unless listed optional. */
function messageSchema(
  type: string,
  version: number,
  fields: Readonly<Record<string, JsonSchema>>,
  optional: readonly string[] = [],
): JsonSchema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${EVENT_SCHEMA_BASE}${schemaFileName({ type, version })}`,
    title: `${type} v${version}`,
    type: "object",
    required: ["type", "version", "id", "occurredAt", ...Object.keys(fields).filter((key) => !optional.includes(key))],
    properties: {
      type: { const: type },
      version: { const: version },
      id: { type: "string", format: "uuid" },
      occurredAt: { type: "string", format: "date-time" },
      ...fields,
    },
  };
}

/** The integration-event catalog. */
export const integrationEvents: readonly IntegrationEventContract[] = [
  {
    type: "order.placed",
    version: 1,
    className: "OrderPlacedV1",
    fromDomainEvent: "OrderPlaced",
    producer: "orders",
    doc: "A customer placed a pending order; inventory reserves its stock.",
    schema: messageSchema("order.placed", 1, {
      orderId: id,
      customerId: id,
      lines: {
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          required: ["productId", "quantity", "unitPrice"],
          properties: { productId: id, quantity: { type: "integer", minimum: 1, maximum: 99 }, unitPrice: money },
        },
      },
      subtotal: money,
    }),
    sample: {
      type: "order.placed",
      version: 1,
      id: "5b0f8a52-2d0e-4c47-9b7a-3f1c2e8d4a10",
      occurredAt: "2026-12-01T09:30:00.000Z",
      orderId: "0b6c9a5e-7f1d-4e2a-8c3b-9d4e5f6a7b8c",
      customerId: "c-1",
      lines: [{ productId: "p-1", quantity: 2, unitPrice: { minorUnits: 1250, currency: "EUR" } }],
      subtotal: { minorUnits: 2500, currency: "EUR" },
    },
  },
  {
    type: "order.confirmed",
    version: 1,
    className: "OrderConfirmedV1",
    fromDomainEvent: "OrderConfirmed",
    producer: "orders",
    doc: "An order's discount and total are fixed; the mailer and the warehouse listen.",
    schema: messageSchema("order.confirmed", 1, {
      orderId: id,
      customerId: id,
      discount: {
        type: "object",
        required: ["source", "percent", "amount"],
        properties: {
          source: { enum: ["tier", "promo"] },
          percent: { type: "integer", minimum: 0, maximum: 100 },
          amount: money,
        },
      },
      total: money,
    }),
    sample: {
      type: "order.confirmed",
      version: 1,
      id: "9e2d7c1b-4a3f-4b8e-a6d5-0c1f2e3d4b5a",
      occurredAt: "2026-12-01T09:31:12.000Z",
      orderId: "0b6c9a5e-7f1d-4e2a-8c3b-9d4e5f6a7b8c",
      customerId: "c-1",
      discount: { source: "tier", percent: 10, amount: { minorUnits: 250, currency: "EUR" } },
      total: { minorUnits: 2250, currency: "EUR" },
    },
  },
  {
    type: "order.cancelled",
    version: 1,
    className: "OrderCancelledV1",
    fromDomainEvent: "OrderCancelled",
    producer: "orders",
    doc: "An order was cancelled before shipping; inventory releases its stock.",
    schema: messageSchema("order.cancelled", 1, { orderId: id, reason: { type: "string" } }),
    sample: {
      type: "order.cancelled",
      version: 1,
      id: "c3a1e2f4-5b6d-4c7e-8f90-a1b2c3d4e5f6",
      occurredAt: "2026-12-01T10:02:45.000Z",
      orderId: "0b6c9a5e-7f1d-4e2a-8c3b-9d4e5f6a7b8c",
      reason: "Customer changed their mind",
    },
  },
  {
    type: "stock.reserved",
    version: 1,
    className: "StockReservedV1",
    fromDomainEvent: "StockReserved",
    producer: "inventory",
    doc: "Inventory reserved every line of an order; the order saga goes on to payment.",
    schema: messageSchema("stock.reserved", 1, { orderId: id, reservationId: id }),
    sample: {
      type: "stock.reserved",
      version: 1,
      id: "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
      occurredAt: "2026-12-01T09:30:01.250Z",
      orderId: "0b6c9a5e-7f1d-4e2a-8c3b-9d4e5f6a7b8c",
      reservationId: "r-7d3e9a",
    },
  },
  {
    type: "stock.reservation-failed",
    version: 1,
    className: "StockReservationFailedV1",
    fromDomainEvent: "StockReservationFailed",
    producer: "inventory",
    doc: "Inventory could not reserve an order's stock; the order saga cancels the order.",
    schema: messageSchema("stock.reservation-failed", 1, {
      orderId: id,
      rule: { type: "string" },
      reason: { type: "string" },
    }),
    sample: {
      type: "stock.reservation-failed",
      version: 1,
      id: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
      occurredAt: "2026-12-01T09:30:01.250Z",
      orderId: "0b6c9a5e-7f1d-4e2a-8c3b-9d4e5f6a7b8c",
      rule: "product.stock-available",
      reason: "Product p-3 has 0 in stock; 1 requested",
    },
  },
];
