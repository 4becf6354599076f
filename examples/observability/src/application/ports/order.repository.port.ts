import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.entity.ts";

/** Where orders are stored. Fails only with DatabaseConnectionError (or a bug). */
export interface OrderRepository {
  add(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | undefined>;
}
