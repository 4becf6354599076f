import { EntityNotFoundError } from "../domain/domain-error.ts";
import { OrderId } from "../domain/identifiers.ts";
import type { Order } from "../domain/order.aggregate.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";

/** Loads an order or throws EntityNotFoundError, so use cases never handle `undefined`. */
export async function loadOrder(orders: OrderRepository, id: string): Promise<Order> {
  const order = await orders.findById(OrderId.of(id));
  if (order === undefined) throw new EntityNotFoundError("Order", id);
  return order;
}
