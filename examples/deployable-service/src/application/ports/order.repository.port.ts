import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.entity.ts";

/** A place in the newest-first list of orders: the (createdAt, id) pair of the last order a page showed. */
export type OrderPosition = { readonly createdAt: Date; readonly id: OrderId };

/** Where orders are stored. */
export interface OrderRepository {
  add(order: Order): Promise<void>;
  findById(id: OrderId): Promise<Order | undefined>;
  /**
   * Up to `limit` orders, newest first (ties on createdAt broken by id, descending), strictly after `after`.
   * Keyset paging: a page never skips or repeats an order when new ones arrive between requests.
   */
  listNewestFirst(query: { readonly limit: number; readonly after?: OrderPosition }): Promise<Order[]>;
}
