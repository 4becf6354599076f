import type { MoneyJson } from "../domain/money.value-object.ts";
import type { Order } from "../domain/order.aggregate.ts";
import type { Product } from "../domain/product.aggregate.ts";

/** An order as callers see it: plain data, ready for JSON. */
export type OrderView = {
  readonly id: string;
  readonly customerId: string;
  readonly placedAt: string;
  readonly lines: readonly { productId: string; quantity: number; unitPrice: MoneyJson }[];
  readonly total: MoneyJson;
};

/** A product with its stock and version, so you can watch both change. */
export type ProductView = {
  readonly id: string;
  readonly name: string;
  readonly unitPrice: MoneyJson;
  readonly stock: number;
  readonly version: number;
};

/** Copies an order into its view. */
export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    customerId: order.customerId,
    placedAt: order.placedAt.toISOString(),
    lines: order.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity.value,
      unitPrice: line.unitPrice.toJSON(),
    })),
    total: order.total.toJSON(),
  };
}

/** Copies a product into its view. */
export function toProductView(product: Product): ProductView {
  return {
    id: product.id,
    name: product.name,
    unitPrice: product.unitPrice.toJSON(),
    stock: product.stock,
    version: product.version,
  };
}
