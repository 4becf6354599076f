import type { CustomerId, OrderId, ProductId } from "./identifiers.ts";
import { Money, type MoneyJson } from "./money.value-object.ts";
import { OrderLine } from "./order-line.value-object.ts";
import { recordedEvent, type OrderEvent } from "./order.events.ts";
import {
  EmptyOrderError,
  InvalidOrderTransitionError,
  OrderCannotBeCancelledError,
  OrderCurrencyMismatchError,
  OrderNotPendingError,
  TooManyOrderLinesError,
} from "./order.errors.ts";
import type { AppliedDiscount } from "./pricing.service.ts";
import { Quantity } from "./quantity.value-object.ts";

/** Where an order is in its life. */
export type OrderStatus = "pending" | "confirmed" | "shipped" | "delivered" | "cancelled";

/** What a new line needs: which product, how many, at what unit price. */
export type NewOrderLine = { readonly productId: ProductId; readonly quantity: Quantity; readonly unitPrice: Money };

/** Plain-data copy of an order, for repositories to store and restore. */
export type OrderSnapshot = {
  readonly id: string;
  /** How many times the order has been saved; the repository's compare-and-set checks it. */
  readonly version: number;
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly placedAt: string;
  readonly promoCode: string | null;
  readonly lines: readonly { productId: string; quantity: number; unitPrice: MoneyJson }[];
  readonly discount: { source: AppliedDiscount["source"]; percent: number; amount: MoneyJson } | null;
};

type OrderState = {
  id: OrderId;
  version: number;
  customerId: CustomerId;
  placedAt: Date;
  status: OrderStatus;
  promoCode: string | null;
  lines: Map<ProductId, OrderLine>;
  discount: AppliedDiscount | null;
};

/**
 * The Order aggregate root. Every change goes through its methods, which check the rules first,
 * so an Order in memory is always valid. It records what happened as domain events for the
 * application layer to pull after saving.
 */
export class Order {
  static readonly MAX_LINES = 10;

  readonly id: OrderId;
  readonly customerId: CustomerId;
  #version: number;
  // Private (#) state: callers read copies through getters and cannot push into the lines behind the rules' back.
  #placedAt: Date;
  #status: OrderStatus;
  #promoCode: string | null;
  #lines: Map<ProductId, OrderLine>;
  #discount: AppliedDiscount | null;
  #events: OrderEvent[] = [];

  private constructor(state: OrderState) {
    this.id = state.id;
    this.customerId = state.customerId;
    this.#version = state.version;
    this.#placedAt = new Date(state.placedAt);
    this.#status = state.status;
    this.#promoCode = state.promoCode;
    this.#lines = state.lines;
    this.#discount = state.discount;
  }

  /** Factory for a new order at version 0 (never saved): rejects an empty order or too many lines, and records OrderPlaced. */
  static place(input: {
    id: OrderId;
    customerId: CustomerId;
    lines: readonly NewOrderLine[];
    promoCode: string | null;
    now: Date;
  }): Order {
    if (input.lines.length === 0) throw new EmptyOrderError();
    const order = new Order({
      id: input.id,
      version: 0,
      customerId: input.customerId,
      placedAt: input.now,
      status: "pending",
      promoCode: input.promoCode,
      lines: new Map(),
      discount: null,
    });
    for (const line of input.lines) order.putLine(line);
    order.#events.push(
      recordedEvent(
        { type: "OrderPlaced", orderId: order.id, customerId: order.customerId, subtotal: order.subtotal },
        input.now,
      ),
    );
    return order;
  }

  /** Rebuilds a stored order. Records no events: restoring is not something that happened in the shop. */
  static restore(snapshot: OrderSnapshot): Order {
    const lines = new Map<ProductId, OrderLine>();
    for (const line of snapshot.lines) {
      const productId = line.productId as ProductId;
      const unitPrice = Money.of(line.unitPrice.minorUnits, line.unitPrice.currency);
      lines.set(productId, new OrderLine(productId, Quantity.of(line.quantity), unitPrice));
    }
    const discount = snapshot.discount && {
      source: snapshot.discount.source,
      percent: snapshot.discount.percent,
      amount: Money.of(snapshot.discount.amount.minorUnits, snapshot.discount.amount.currency),
    };
    return new Order({
      id: snapshot.id as OrderId,
      version: snapshot.version,
      customerId: snapshot.customerId as CustomerId,
      placedAt: new Date(snapshot.placedAt),
      status: snapshot.status,
      promoCode: snapshot.promoCode,
      lines,
      discount,
    });
  }

  /**
   * The version this copy was read at: 0 before its first save, then the number of saves. Two requests
   * that read the same version cannot both save (see OrderRepository.save).
   */
  get version(): number {
    return this.#version;
  }

  /** Called by a repository once its compare-and-set has stored this copy: the order is now one version further. */
  markSaved(): void {
    this.#version += 1;
  }

  /** A copy: a Date is mutable, and the order's own must not change behind its back. */
  get placedAt(): Date {
    return new Date(this.#placedAt);
  }

  get status(): OrderStatus {
    return this.#status;
  }

  get promoCode(): string | null {
    return this.#promoCode;
  }

  /** A frozen copy: pushing into it fails, and it never aliases the order's own collection. */
  get lines(): readonly OrderLine[] {
    return Object.freeze([...this.#lines.values()]);
  }

  get discount(): AppliedDiscount | null {
    return this.#discount;
  }

  get subtotal(): Money {
    const [first, ...rest] = this.lines;
    if (first === undefined) throw new EmptyOrderError();
    return rest.reduce((sum, line) => sum.add(line.lineTotal), first.lineTotal);
  }

  get total(): Money {
    return this.#discount === null ? this.subtotal : this.subtotal.subtract(this.#discount.amount);
  }

  /** Adds a product, or raises the quantity of a line that already holds it. */
  addLine(line: NewOrderLine): void {
    this.assertPending();
    this.putLine(line);
  }

  /** Removes a product's line; the last line cannot go (cancel the order instead). */
  removeLine(productId: ProductId): void {
    this.assertPending();
    if (!this.#lines.has(productId)) return;
    if (this.#lines.size === 1) throw new EmptyOrderError();
    this.#lines.delete(productId);
  }

  /** Fixes the discount and the total; after this, lines no longer change. */
  confirm(discount: AppliedDiscount, now: Date): void {
    this.assertPending();
    this.#discount = discount;
    this.#status = "confirmed";
    this.#events.push(recordedEvent({ type: "OrderConfirmed", orderId: this.id, discount, total: this.total }, now));
  }

  cancel(reason: string, now: Date): void {
    if (this.#status === "shipped" || this.#status === "delivered") throw new OrderCannotBeCancelledError(this.#status);
    if (this.#status === "cancelled") throw new InvalidOrderTransitionError(this.#status, "cancel");
    this.#status = "cancelled";
    this.#events.push(recordedEvent({ type: "OrderCancelled", orderId: this.id, reason }, now));
  }

  ship(now: Date): void {
    if (this.#status !== "confirmed") throw new InvalidOrderTransitionError(this.#status, "ship");
    this.#status = "shipped";
    this.#events.push(recordedEvent({ type: "OrderShipped", orderId: this.id }, now));
  }

  deliver(now: Date): void {
    if (this.#status !== "shipped") throw new InvalidOrderTransitionError(this.#status, "deliver");
    this.#status = "delivered";
    this.#events.push(recordedEvent({ type: "OrderDelivered", orderId: this.id }, now));
  }

  /** Hands over the events recorded since the last pull and forgets them, so each is published once. */
  pullEvents(): readonly OrderEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  equals(other: Order): boolean {
    return this.id === other.id;
  }

  toSnapshot(): OrderSnapshot {
    return {
      id: this.id,
      version: this.#version,
      customerId: this.customerId,
      status: this.#status,
      placedAt: this.placedAt.toISOString(),
      promoCode: this.#promoCode,
      lines: this.lines.map((line) => ({
        productId: line.productId,
        quantity: line.quantity.value,
        unitPrice: line.unitPrice.toJSON(),
      })),
      discount: this.#discount && { ...this.#discount, amount: this.#discount.amount.toJSON() },
    };
  }

  private putLine(line: NewOrderLine): void {
    const existing = this.#lines.get(line.productId);
    if (existing !== undefined) {
      this.#lines.set(line.productId, existing.withQuantity(existing.quantity.add(line.quantity)));
      return;
    }
    if (this.#lines.size >= Order.MAX_LINES) throw new TooManyOrderLinesError(Order.MAX_LINES);
    const currency = this.lines[0]?.unitPrice.currency;
    // Checked on the way in, so a mixed-currency order never exists, instead of failing later when totals are summed.
    if (currency !== undefined && currency !== line.unitPrice.currency) {
      throw new OrderCurrencyMismatchError(currency, line.unitPrice.currency);
    }
    this.#lines.set(line.productId, new OrderLine(line.productId, line.quantity, line.unitPrice));
  }

  private assertPending(): void {
    if (this.#status !== "pending") throw new OrderNotPendingError(this.#status);
  }
}
