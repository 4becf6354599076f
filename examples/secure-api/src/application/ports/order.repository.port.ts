import type { Order } from "../../domain/order.entity.ts";

/** Where orders live. */
export interface OrderRepository {
  findById(id: string): Promise<Order | undefined>;
  listByCustomer(customerId: string): Promise<Order[]>;
  listAll(): Promise<Order[]>;
  add(order: Order): Promise<void>;
}
