import { loadOrder } from "./load-order.ts";
import { toOrderView, type OrderView } from "./order-view.ts";
import type { Clock } from "./ports/clock.port.ts";
import type { EventPublisher } from "./ports/event-publisher.port.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import { saveThenPublish } from "./save-then-publish.ts";

/** What the lifecycle use cases need. */
export type OrderLifecycleDeps = { orders: OrderRepository; publisher: EventPublisher; clock: Clock };

// Three use cases of the same shape: load, ask the aggregate, save, publish. The rules live in Order.
// `expectedVersion` is the version the caller last read (If-Match); undefined skips that check, never the save's.

/** Cancels a pending or confirmed order. */
export class CancelOrderUseCase {
  private readonly deps: OrderLifecycleDeps;

  constructor(deps: OrderLifecycleDeps) {
    this.deps = deps;
  }

  async execute(orderId: string, reason: string, expectedVersion?: number): Promise<OrderView> {
    const order = await loadOrder(this.deps.orders, orderId, expectedVersion);
    order.cancel(reason, this.deps.clock.now());
    await saveThenPublish(order, this.deps.orders, this.deps.publisher);
    return toOrderView(order);
  }
}

/** Marks a confirmed order as shipped. */
export class ShipOrderUseCase {
  private readonly deps: OrderLifecycleDeps;

  constructor(deps: OrderLifecycleDeps) {
    this.deps = deps;
  }

  async execute(orderId: string, expectedVersion?: number): Promise<OrderView> {
    const order = await loadOrder(this.deps.orders, orderId, expectedVersion);
    order.ship(this.deps.clock.now());
    await saveThenPublish(order, this.deps.orders, this.deps.publisher);
    return toOrderView(order);
  }
}

/** Marks a shipped order as delivered. */
export class DeliverOrderUseCase {
  private readonly deps: OrderLifecycleDeps;

  constructor(deps: OrderLifecycleDeps) {
    this.deps = deps;
  }

  async execute(orderId: string, expectedVersion?: number): Promise<OrderView> {
    const order = await loadOrder(this.deps.orders, orderId, expectedVersion);
    order.deliver(this.deps.clock.now());
    await saveThenPublish(order, this.deps.orders, this.deps.publisher);
    return toOrderView(order);
  }
}
