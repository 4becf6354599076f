import { EntityNotFoundError } from "../domain/domain-error.ts";
import { OrderId } from "../domain/identifiers.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";
import { toOrderView, type OrderView } from "./views.ts";

/** Reads orders: one by id (404 if it does not exist), or the latest ones. */
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

  /** The latest orders, newest first. */
  async latest(limit = 20): Promise<OrderView[]> {
    return (await this.orders.latest(limit)).map(toOrderView);
  }
}
