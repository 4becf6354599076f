import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Order } from "../domain/order.entity.ts";

/** An order as the outside world sees it: plain data, ready for JSON. */
export type OrderDto = {
  readonly id: string;
  readonly lines: readonly { productId: string; quantity: number; unitPrice: MoneyJson }[];
  readonly total: MoneyJson;
  readonly createdAt: string;
};

/** Copies an Order into its DTO, so entities never leave the application layer. */
export function toOrderDto(order: Order): OrderDto {
  return {
    id: order.id,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: line.unitPrice.toJSON(),
    })),
    total: order.total().toJSON(),
    createdAt: order.createdAt.toISOString(),
  };
}
