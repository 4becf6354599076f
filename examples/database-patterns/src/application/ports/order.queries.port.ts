import type { MoneyJson } from "../../domain/money.value-object.ts";
import type { OrderCursor } from "../order-cursor.ts";

/** How the lines of a page of orders are loaded: the N+1 problem and its two cures, side by side. */
export type LineLoading =
  /** One query for the orders, then one per order for its lines: 1 + N queries. */
  | "per-order"
  /** One query for the orders, one for all their lines (`WHERE order_id IN (…)`): 2 queries. */
  | "select-in"
  /** One query that joins and aggregates the lines into each order row: 1 query. */
  | "joined";

export const LINE_LOADINGS: readonly LineLoading[] = ["per-order", "select-in", "joined"];

/** An order as the list shows it: read straight from the tables, no aggregate needed for reading. */
export type OrderSummaryView = {
  readonly id: string;
  readonly customerId: string;
  readonly status: string;
  readonly placedAt: string;
  readonly lines: readonly { productId: string; quantity: number; unitPrice: MoneyJson }[];
};

/** One page of orders, newest first, and the cursor of the next page (keyset pagination). */
export type OrderPage = { readonly items: readonly OrderSummaryView[]; readonly nextCursor: string | null };

/** The read side for orders. */
export interface OrderQueries {
  /** Up to `limit` orders placed before `after` (where the previous page ended), newest first. */
  listPage(options: { limit: number; after?: OrderCursor | undefined; lines: LineLoading }): Promise<OrderPage>;
}
