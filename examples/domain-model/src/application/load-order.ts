import { EntityNotFoundError } from "../domain/domain-error.ts";
import { OrderId } from "../domain/identifiers.ts";
import type { Order } from "../domain/order.aggregate.ts";
import { PreconditionFailedError } from "./ports/concurrency-errors.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";

/**
 * Loads an order or throws EntityNotFoundError, so use cases never handle `undefined`. With
 * `expectedVersion` (the client's If-Match), a newer order is refused before anything changes.
 */
export async function loadOrder(orders: OrderRepository, id: string, expectedVersion?: number): Promise<Order> {
  const order = await orders.findById(OrderId.of(id));
  if (order === undefined) throw new EntityNotFoundError("Order", id);
  if (expectedVersion !== undefined && order.version !== expectedVersion) {
    throw new PreconditionFailedError("Order", id, order.version);
  }
  return order;
}
