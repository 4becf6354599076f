import { EntityNotFoundError } from "../domain/domain-error.ts";
import { OrderId } from "../domain/identifiers.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import { toOrderView, type OrderView } from "./views.ts";

/** Reads one order. A single read needs no unit of work. */
export class GetOrderUseCase {
  private readonly orders: OrderRepository;

  constructor(orders: OrderRepository) {
    this.orders = orders;
  }

  async execute(orderId: string): Promise<OrderView> {
    const order = await this.orders.findById(OrderId.of(orderId));
    if (order === undefined) throw new EntityNotFoundError("Order", orderId);
    return toOrderView(order);
  }
}
