import type { Order } from "../domain/order.aggregate.ts";
import type { EventPublisher } from "./ports/event-publisher.port.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";

/**
 * Saves the order, then publishes the events it recorded. The order matters: if the save
 * fails, nothing is announced. (A crash between the two steps still loses the events; the
 * transactional outbox, taught on the events page, closes that gap.)
 */
export async function saveThenPublish(order: Order, orders: OrderRepository, publisher: EventPublisher): Promise<void> {
  await orders.save(order);
  await publisher.publish(order.pullEvents());
}
