import type { OrderCursor } from "./order-cursor.ts";
import type { LineLoading, OrderPage, OrderQueries } from "./ports/order.queries.port.ts";

/** Lists orders with their lines, a page at a time. */
export class ListOrdersUseCase {
  static readonly MAX_LIMIT = 50;
  readonly #orders: OrderQueries;

  constructor(orders: OrderQueries) {
    this.#orders = orders;
  }

  execute(options: { limit: number; after?: OrderCursor | undefined; lines: LineLoading }): Promise<OrderPage> {
    return this.#orders.listPage({ ...options, limit: Math.min(options.limit, ListOrdersUseCase.MAX_LIMIT) });
  }
}
