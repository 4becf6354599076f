import type { OrderId } from "../../domain/identifiers.ts";
import type { Order } from "../../domain/order.aggregate.ts";

/** Where orders live between requests. Whole aggregates in, whole aggregates out. */
export interface OrderRepository {
  findById(id: OrderId): Promise<Order | undefined>;
  /**
   * Saves the order only if the stored copy is still at `order.version` (0: no stored copy yet), then
   * advances the order to the next version. Otherwise throws ConcurrencyConflictError and writes nothing.
   * Once it resolves, the change is committed.
   */
  save(order: Order): Promise<void>;
}
