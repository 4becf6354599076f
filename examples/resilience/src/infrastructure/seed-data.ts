import { CustomerId, OrderId, ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Order } from "../domain/order.entity.ts";
import type { Product } from "../domain/product.entity.ts";
import type { ChargeRecord } from "./simulated-payments/payments.app.ts";

/** The catalog the service starts with, so the README's requests work right away. */
export function seedProducts(): Product[] {
  return [
    { id: ProductId.of("p-1"), name: "Coffee beans, 1 kg", unitPrice: Money.of(2450, "EUR") },
    { id: ProductId.of("p-2"), name: "Enamel mug", unitPrice: Money.of(1200, "EUR") },
    { id: ProductId.of("p-3"), name: "Hand grinder", unitPrice: Money.of(8900, "EUR") },
  ];
}

/**
 * Order `o-1`, already paid as charge `pay-1`, and that charge on the payments side: an order with a known
 * id, so the README can read its payment (`GET /orders/o-1/payment`) live and through the fallback.
 */
export function seedPaidOrder(products: readonly Product[]): { order: Order; charge: ChargeRecord } {
  const beans = products.find((product) => product.id === ProductId.of("p-1"));
  if (!beans) throw new Error("the seed order needs product p-1");
  const order = Order.place({
    id: OrderId.of("o-1"),
    customerId: CustomerId.of("c-1"),
    lines: [{ product: beans, quantity: 1 }],
    placedAt: new Date("2026-01-05T09:00:00.000Z"),
  });
  order.confirmPayment("pay-1");
  return { order, charge: { paymentId: "pay-1", orderId: "o-1", idempotencyKey: "o-1", status: "captured" } };
}
