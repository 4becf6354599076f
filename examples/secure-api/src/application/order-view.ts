import type { Amount, Order, OrderLine } from "../domain/order.entity.ts";

/** An order as the API shows it. */
export type OrderView = {
  readonly id: string;
  readonly customerId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Amount;
  readonly placedAt: string;
};

export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    customerId: order.customerId,
    lines: order.lines,
    total: order.total(),
    placedAt: order.placedAt.toISOString(),
  };
}
