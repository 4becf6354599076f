import type { OrderPosition, OrderRepository } from "../ports/order.repository.port.ts";
import { toOrderDto, type OrderDto } from "../order.dto.ts";

/** Page size when the caller does not ask for one. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a caller may ask for: bounds the work one request can cause. */
export const MAX_PAGE_SIZE = 100;

/** One page of orders; `next` is where the following page starts, or null on the last page. */
export type OrderPage = { readonly items: readonly OrderDto[]; readonly next: OrderPosition | null };

/** Lists orders newest first, one keyset page at a time. */
export class ListOrdersUseCase {
  private readonly orders: OrderRepository;

  constructor(deps: { orders: OrderRepository }) {
    this.orders = deps.orders;
  }

  async execute(query: { readonly limit: number; readonly after?: OrderPosition }): Promise<OrderPage> {
    // One extra row tells whether another page exists without a second query or a count.
    const rows = await this.orders.listNewestFirst({ limit: query.limit + 1, after: query.after });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const next = rows.length > query.limit && last ? { createdAt: last.createdAt, id: last.id } : null;
    return { items: page.map(toOrderDto), next };
  }
}
