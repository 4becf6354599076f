import type { OrderRepository } from "../../src/application/ports/order.repository.port.ts";
import type { Order } from "../../src/domain/order.aggregate.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { seedOrders } from "../../src/infrastructure/seed-data.ts";

/** Reads like the seeded in-memory repository, but every save fails, as when a database write is rejected. */
export class FailingOrderRepository implements OrderRepository {
  private readonly reads = new InMemoryOrderRepository(seedOrders());

  findById: OrderRepository["findById"] = (id) => this.reads.findById(id);

  async save(_order: Order): Promise<void> {
    throw new Error("write rejected");
  }
}
