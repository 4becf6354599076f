import { EntityNotFoundError } from "../domain/domain-error.ts";
import { OrderId } from "../domain/identifiers.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import { toOrderView, type OrderView } from "./views.ts";

/** Reads one order, or reports that it does not exist (404). */
export class GetOrderUseCase {
  private readonly orders: OrderRepository;

  constructor(orders: OrderRepository) {
    this.orders = orders;
  }

  async execute(id: string): Promise<OrderView> {
    const order = await this.orders.findById(OrderId.of(id));
    if (order === undefined) throw new EntityNotFoundError("Order", id);
    return toOrderView(order);
  }
}
