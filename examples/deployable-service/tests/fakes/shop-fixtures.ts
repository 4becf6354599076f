import { Customer } from "../../src/domain/customer.entity.ts";
import { CustomerId, OrderId, ProductId } from "../../src/domain/identifiers.ts";
import { Money } from "../../src/domain/money.value-object.ts";
import { Order } from "../../src/domain/order.entity.ts";
import { Product } from "../../src/domain/product.entity.ts";

/** An active customer. */
export const ada = new Customer(CustomerId.of("c-1"), "Ada Lovelace", true);
/** A customer whose account is closed. */
export const grace = new Customer(CustomerId.of("c-2"), "Grace Hopper", false);
/** EUR 24.50. */
export const beans = new Product(ProductId.of("p-1"), "Coffee beans, 1 kg", Money.of(2450, "EUR"));
/** EUR 12.00. */
export const mug = new Product(ProductId.of("p-2"), "Enamel mug", Money.of(1200, "EUR"));

/** A valid one-line order by Ada, placed at `createdAt`. */
export function orderAt(id: string, createdAt: string): Order {
  return Order.place({
    id: OrderId.of(id),
    customer: ada,
    lines: [{ product: beans, quantity: 1 }],
    createdAt: new Date(createdAt),
  });
}
