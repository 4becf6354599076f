import type { OrderRepository } from "../../src/application/ports/order.repository.port.ts";
import type { Order } from "../../src/domain/order.aggregate.ts";
import { InMemoryOrderRepository } from "../../src/infrastructure/in-memory-order.repository.ts";
import { seedOrders } from "../../src/infrastructure/seed-data.ts";

/** The seeded in-memory repository, recording every save, so a test can assert that a refused request saved nothing. */
export class RecordingOrderRepository implements OrderRepository {
  readonly savedIds: string[] = [];
  private readonly stored = new InMemoryOrderRepository(seedOrders());

  findById: OrderRepository["findById"] = (id) => this.stored.findById(id);

  async save(order: Order): Promise<void> {
    this.savedIds.push(order.id);
    await this.stored.save(order);
  }
}
