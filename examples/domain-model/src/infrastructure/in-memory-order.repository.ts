import { ConcurrencyConflictError } from "../application/ports/concurrency-errors.ts";
import type { OrderRepository } from "../application/ports/order.repository.port.ts";
import type { OrderId } from "../domain/identifiers.ts";
import { Order, type OrderSnapshot } from "../domain/order.aggregate.ts";

/** Keeps orders in a Map as snapshots (not live objects), so a change counts only once it is saved, as with a database. */
export class InMemoryOrderRepository implements OrderRepository {
  private readonly snapshots = new Map<string, OrderSnapshot>();

  constructor(seed: readonly OrderSnapshot[] = []) {
    for (const snapshot of seed) this.snapshots.set(snapshot.id, structuredClone(snapshot));
  }

  async findById(id: OrderId): Promise<Order | undefined> {
    const snapshot = this.snapshots.get(id);
    return snapshot === undefined ? undefined : Order.restore(snapshot);
  }

  /** Compare-and-set, as `UPDATE orders … WHERE id = $1 AND version = $2` would: the check and the write never interleave. */
  async save(order: Order): Promise<void> {
    const storedVersion = this.snapshots.get(order.id)?.version ?? 0;
    if (storedVersion !== order.version) throw new ConcurrencyConflictError("Order", order.id, order.version);
    this.snapshots.set(order.id, structuredClone({ ...order.toSnapshot(), version: order.version + 1 }));
    order.markSaved();
  }
}
