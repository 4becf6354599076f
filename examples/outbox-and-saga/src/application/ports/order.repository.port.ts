import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.aggregate.ts";

/** Where orders live. */
export interface OrderRepository {
  /** A new, unused order id (o-1, o-2, …). */
  nextId(): Promise<OrderId>;
  findById(id: OrderId): Promise<Order | undefined>;
  /** Stores a new order. */
  add(order: Order): Promise<void>;
  /** Stores an order's new status. */
  save(order: Order): Promise<void>;
}
