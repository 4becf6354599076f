import type { Order } from "../../domain/order.entity.ts";

/** One offset page of orders, newest first, with the count an offset page promises. */
export type OrderPage = { readonly items: readonly Order[]; readonly total: number };

/** The orders' storage. */
export interface OrderRepository {
  get(id: string): Promise<Order | undefined>;
  add(order: Order): Promise<void>;
  /** Orders (of one customer, or all when `customerId` is undefined), newest first, skipping `offset`. */
  list(query: { customerId?: string | undefined; offset: number; limit: number }): Promise<OrderPage>;
}
