import type { DomainEvent } from "./domain-event.ts";
import type { CustomerId, OrderId } from "./identifiers.ts";
import type { Money } from "./money.value-object.ts";
import type { AppliedDiscount } from "./pricing.service.ts";

/** A customer placed a new, pending order. */
export type OrderPlaced = DomainEvent & {
  readonly type: "OrderPlaced";
  readonly orderId: OrderId;
  readonly customerId: CustomerId;
  readonly subtotal: Money;
};

/** The order's prices and discount are fixed; it can be shipped. */
export type OrderConfirmed = DomainEvent & {
  readonly type: "OrderConfirmed";
  readonly orderId: OrderId;
  readonly discount: AppliedDiscount;
  readonly total: Money;
};

/** The order was cancelled before it left the warehouse. */
export type OrderCancelled = DomainEvent & {
  readonly type: "OrderCancelled";
  readonly orderId: OrderId;
  readonly reason: string;
};

/** The order left the warehouse. */
export type OrderShipped = DomainEvent & { readonly type: "OrderShipped"; readonly orderId: OrderId };

/** The order reached the customer. */
export type OrderDelivered = DomainEvent & { readonly type: "OrderDelivered"; readonly orderId: OrderId };

/** Every event an Order records. */
export type OrderEvent = OrderPlaced | OrderConfirmed | OrderCancelled | OrderShipped | OrderDelivered;

// Omit applied to each member of the union separately, so each event keeps its own fields.
type WithoutStamp<E> = E extends OrderEvent ? Omit<E, "id" | "occurredAt"> : never;
type OrderEventData = WithoutStamp<OrderEvent>;

/** Stamps event data with a fresh id and the time it happened, and freezes it: events are facts. */
export function recordedEvent(data: OrderEventData, occurredAt: Date): OrderEvent {
  const { type, ...fields } = data;
  return Object.freeze({ id: crypto.randomUUID(), type, occurredAt, ...fields }) as OrderEvent;
}
