import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.aggregate.ts";

/** Where orders live between requests. Whole aggregates in, whole aggregates out. */
export interface OrderRepository {
  findById(id: OrderId): Promise<Order | undefined>;
  /** Inserts or replaces the order; once it resolves, the change is committed. */
  save(order: Order): Promise<void>;
}
