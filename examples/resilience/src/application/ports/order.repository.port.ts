import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.entity.ts";

/** Where orders are kept. */
export interface OrderRepository {
  save(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | undefined>;
}
