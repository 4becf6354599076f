import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.aggregate.ts";

/** Where orders live. */
export interface OrderRepository {
  findById(id: OrderId): Promise<Order | undefined>;
  /** Stores a new order; throws ConcurrencyConflictError if an order with its id already exists. */
  add(order: Order): Promise<void>;
}
