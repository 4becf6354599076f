import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Order, OrderStatus } from "../domain/order.entity.ts";

/** An order as the API shows it. */
export type OrderDto = {
  readonly id: string;
  readonly customerId: string;
  readonly status: OrderStatus;
  readonly lines: readonly { readonly productId: string; readonly quantity: number; readonly unitPrice: MoneyJson }[];
  readonly total: MoneyJson;
  readonly paymentId: string | null;
  readonly placedAt: string;
};

/** Maps the aggregate to its DTO. */
export function toOrderDto(order: Order): OrderDto {
  return {
    id: order.id,
    customerId: order.customerId,
    status: order.status,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice.toJSON(),
    })),
    total: order.total().toJSON(),
    paymentId: order.paymentId,
    placedAt: order.placedAt.toISOString(),
  };
}
