import type { OrderRepository } from "../application/ports/order.repository.port.ts";
import type { Order } from "../domain/order.entity.ts";

/** Orders in a Map, by id. */
export class InMemoryOrderRepository implements OrderRepository {
  private readonly orders = new Map<string, Order>();

  constructor(seed: readonly Order[] = []) {
    for (const order of seed) this.orders.set(order.id, order);
  }

  async findById(id: string): Promise<Order | undefined> {
    return this.orders.get(id);
  }

  async listByCustomer(customerId: string): Promise<Order[]> {
    return [...this.orders.values()].filter((order) => order.customerId === customerId);
  }

  async listAll(): Promise<Order[]> {
    return [...this.orders.values()];
  }

  async add(order: Order): Promise<void> {
    this.orders.set(order.id, order);
  }
}
