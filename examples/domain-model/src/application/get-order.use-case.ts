import { loadOrder } from "./load-order.ts";
import { toOrderView, type OrderView } from "./order-view.ts";
import type { OrderRepository } from "./ports/order.repository.port.ts";

/** Reads one order. */
export class GetOrderUseCase {
  private readonly orders: OrderRepository;

  constructor(orders: OrderRepository) {
    this.orders = orders;
  }

  async execute(orderId: string): Promise<OrderView> {
    return toOrderView(await loadOrder(this.orders, orderId));
  }
}
