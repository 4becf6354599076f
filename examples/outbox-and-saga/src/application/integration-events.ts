import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Order } from "../domain/order.aggregate.ts";

// The wire format of every event this service publishes (the guide's event catalog): an envelope of
// `type`, `version`, `id` and `occurredAt`, then the event's own fields, camelCase, ids as strings,
// money as integer minor units with its currency.

/** What every integration event carries. `id` is the message id consumers deduplicate on. */
export type EventEnvelope = {
  readonly type: string;
  readonly version: number;
  readonly id: string;
  readonly occurredAt: string;
};

/** An order line as it travels. */
export type OrderLineJson = { readonly productId: string; readonly quantity: number; readonly unitPrice: MoneyJson };

/** A customer placed an order; checkout has not run yet. */
export type OrderPlacedV1 = EventEnvelope & {
  readonly type: "order.placed";
  readonly version: 1;
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineJson[];
  readonly subtotal: MoneyJson;
};

/** Checkout succeeded: stock is reserved and the payment taken. (The catalog's optional `discount` never applies here.) */
export type OrderConfirmedV1 = EventEnvelope & {
  readonly type: "order.confirmed";
  readonly version: 1;
  readonly orderId: string;
  readonly customerId: string;
  readonly total: MoneyJson;
};

/** Checkout failed and everything it had done was undone. */
export type OrderCancelledV1 = EventEnvelope & {
  readonly type: "order.cancelled";
  readonly version: 1;
  readonly orderId: string;
  readonly reason: string;
};

/** Every event this service publishes. */
export type IntegrationEvent = OrderPlacedV1 | OrderConfirmedV1 | OrderCancelledV1;

/** The envelope's fields for a new event: a fresh message id, and when it happened. */
const envelope = (occurredAt: Date) => ({ id: crypto.randomUUID(), occurredAt: occurredAt.toISOString() });

/** The `order.placed` event for a newly placed order. */
export function orderPlaced(order: Order, occurredAt: Date): OrderPlacedV1 {
  return {
    type: "order.placed",
    version: 1,
    ...envelope(occurredAt),
    orderId: order.id,
    customerId: order.customerId,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity.value,
      unitPrice: line.unitPrice.toJSON(),
    })),
    subtotal: order.total.toJSON(),
  };
}

/** The `order.confirmed` event for an order checkout has confirmed. */
export function orderConfirmed(order: Order, occurredAt: Date): OrderConfirmedV1 {
  return {
    type: "order.confirmed",
    version: 1,
    ...envelope(occurredAt),
    orderId: order.id,
    customerId: order.customerId,
    total: order.total.toJSON(),
  };
}

/** The `order.cancelled` event for an order whose checkout failed. */
export function orderCancelled(order: Order, occurredAt: Date): OrderCancelledV1 {
  return {
    type: "order.cancelled",
    version: 1,
    ...envelope(occurredAt),
    orderId: order.id,
    reason: order.cancellationReason ?? "",
  };
}
