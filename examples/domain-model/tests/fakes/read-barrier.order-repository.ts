import type { OrderRepository } from "../../src/application/ports/order.repository.port.ts";
import type { Order } from "../../src/domain/order.aggregate.ts";

/**
 * Wraps a repository so that no read returns until `readers` reads have started: every caller then
 * holds a copy of the same version before anyone saves, the interleaving that loses updates.
 */
export class ReadBarrierOrderRepository implements OrderRepository {
  private readonly inner: OrderRepository;
  private waiting: (() => void)[] = [];
  private readonly readers: number;

  constructor(inner: OrderRepository, readers: number) {
    this.inner = inner;
    this.readers = readers;
  }

  async findById(id: Order["id"]): Promise<Order | undefined> {
    const order = await this.inner.findById(id);
    await new Promise<void>((release) => {
      this.waiting.push(release);
      if (this.waiting.length === this.readers) for (const go of this.waiting.splice(0)) go();
    });
    return order;
  }

  save(order: Order): Promise<void> {
    return this.inner.save(order);
  }
}
