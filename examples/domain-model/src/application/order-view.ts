import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Order, OrderStatus } from "../domain/order.aggregate.ts";

/** What callers of the use cases get back: plain data, no behaviour, safe to serialise. */
export type OrderView = {
  id: string;
  /** Sent as the ETag; a client sends it back in If-Match to change the order. */
  version: number;
  customerId: string;
  status: OrderStatus;
  placedAt: string;
  promoCode: string | null;
  lines: { productId: string; quantity: number; unitPrice: MoneyJson; lineTotal: MoneyJson }[];
  subtotal: MoneyJson;
  discount: { source: "tier" | "promo"; percent: number; amount: MoneyJson } | null;
  total: MoneyJson;
};

/** Copies an order into its view. */
export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    version: order.version,
    customerId: order.customerId,
    status: order.status,
    placedAt: order.placedAt.toISOString(),
    promoCode: order.promoCode,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity.value,
      unitPrice: line.unitPrice.toJSON(),
      lineTotal: line.lineTotal.toJSON(),
    })),
    subtotal: order.subtotal.toJSON(),
    discount: order.discount && { ...order.discount, amount: order.discount.amount.toJSON() },
    total: order.total.toJSON(),
  };
}
