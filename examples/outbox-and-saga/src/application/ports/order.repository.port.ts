import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.aggregate.ts";

/** Where orders live. */
export interface OrderRepository {
  findById(id: OrderId): Promise<Order | undefined>;
  /** The latest orders, newest first. */
  latest(limit: number): Promise<Order[]>;
  /** Stores a new order. */
  add(order: Order): Promise<void>;
  /** Stores an order's new status. */
  save(order: Order): Promise<void>;
}
