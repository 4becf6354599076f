import { Customer } from "../domain/customer.entity.ts";
import { CustomerId, OrderId, ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import { Order } from "../domain/order.entity.ts";
import { Product } from "../domain/product.entity.ts";

/** Fixed data the service starts with, so the README's requests work right away. */
export function seedData(): { customers: Customer[]; products: Product[]; orders: Order[] } {
  const ada = new Customer(CustomerId.of("c-1"), "Ada Lovelace", true);
  const grace = new Customer(CustomerId.of("c-2"), "Grace Hopper", false);
  const beans = new Product(ProductId.of("p-1"), "Coffee beans, 1 kg", Money.of(2450, "EUR"));
  const mug = new Product(ProductId.of("p-2"), "Enamel mug", Money.of(1200, "EUR"));
  const grinder = new Product(ProductId.of("p-3"), "Hand grinder", Money.of(8900, "EUR"));

  const orders = [
    Order.place({
      id: OrderId.of("o-1"),
      customer: ada,
      lines: [{ product: beans, quantity: 1 }],
      createdAt: new Date("2026-01-05T09:00:00.000Z"),
    }),
    Order.place({
      id: OrderId.of("o-2"),
      customer: ada,
      lines: [{ product: mug, quantity: 2 }],
      createdAt: new Date("2026-01-06T10:30:00.000Z"),
    }),
    Order.place({
      id: OrderId.of("o-3"),
      customer: ada,
      lines: [
        { product: grinder, quantity: 1 },
        { product: beans, quantity: 2 },
      ],
      createdAt: new Date("2026-01-07T16:45:00.000Z"),
    }),
  ];
  return { customers: [ada, grace], products: [beans, mug, grinder], orders };
}
