import type { OrderPosition, OrderRepository } from "../application/ports/order.repository.port.ts";
import type { OrderId } from "../domain/identifiers.ts";
import type { Order } from "../domain/order.entity.ts";

/** Newest first; equal timestamps fall back to the id so the order is total and a cursor is unambiguous. */
function newestFirst(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  if (a.id === b.id) return 0;
  return a.id < b.id ? 1 : -1;
}

/**
 * Orders kept in a Map. Orders are immutable, so storing the object itself is safe.
 * The paging query is what SQL would write as
 * `WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC, id DESC LIMIT $3`.
 */
export class InMemoryOrderRepository implements OrderRepository {
  private readonly byId = new Map<OrderId, Order>();

  constructor(orders: readonly Order[] = []) {
    for (const order of orders) this.byId.set(order.id, order);
  }

  async add(order: Order): Promise<void> {
    this.byId.set(order.id, order);
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    return this.byId.get(id);
  }

  async listNewestFirst(query: { readonly limit: number; readonly after?: OrderPosition }): Promise<Order[]> {
    const { after } = query;
    return [...this.byId.values()]
      .filter((order) => after === undefined || newestFirst(after, order) < 0)
      .sort(newestFirst)
      .slice(0, query.limit);
  }
}
