import type { OrderRepository } from "../application/ports/order.repository.port.ts";
import type { OrderId } from "../domain/identifiers.ts";
import type { Order } from "../domain/order.entity.ts";

/** Orders held in memory; they reset on restart. */
export class InMemoryOrderRepository implements OrderRepository {
  private readonly orders = new Map<OrderId, Order>();

  constructor(initial: readonly Order[] = []) {
    for (const order of initial) this.orders.set(order.id, order);
  }

  async save(order: Order): Promise<void> {
    this.orders.set(order.id, order);
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    return this.orders.get(id);
  }

  /** How many orders are stored (tests check that a failed charge stored nothing). */
  get size(): number {
    return this.orders.size;
  }
}
