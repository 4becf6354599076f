import type { OrderPage, OrderRepository } from "../application/ports/order.repository.port.ts";
import type { Order } from "../domain/order.entity.ts";

/** Orders in a Map. Orders are immutable here, so instances can be stored as they are. */
export class InMemoryOrderRepository implements OrderRepository {
  readonly #orders = new Map<string, Order>();

  constructor(seed: readonly Order[] = []) {
    for (const order of seed) this.#orders.set(order.id, order);
  }

  async get(id: string): Promise<Order | undefined> {
    return this.#orders.get(id);
  }

  async add(order: Order): Promise<void> {
    this.#orders.set(order.id, order);
  }

  /** What `ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit` plus a `count(*)` return. */
  async list(query: { customerId?: string | undefined; offset: number; limit: number }): Promise<OrderPage> {
    const matching = [...this.#orders.values()]
      .filter((order) => query.customerId === undefined || order.customerId === query.customerId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
  }
}
