import type { Caller } from "../application/caller.ts";
import { Money } from "../domain/money.value-object.ts";
import { Order } from "../domain/order.entity.ts";
import { Product } from "../domain/product.entity.ts";

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 9, 0, 0));

/** Five products, created one a day in January 2026, so `sort=createdAt` has an obvious order. */
export function seedProducts(): Product[] {
  const product = (n: number, name: string, cents: number, stock: number, description: string | null) =>
    new Product({
      id: `p-${n}`,
      name,
      description,
      unitPrice: Money.of(cents, "EUR"),
      stock,
      createdAt: day(n),
      version: 0,
    });
  return [
    product(1, "Espresso beans 1 kg", 2400, 40, "Dark roast, whole beans"),
    product(2, "Pour-over kettle", 5900, 12, null),
    product(3, "Paper filters (100)", 450, 0, "Size 02"),
    product(4, "Hand grinder", 8900, 5, "Ceramic burrs"),
    product(5, "Milk jug 350 ml", 1500, 20, null),
  ];
}

/** Order o-1 belongs to customer c-1; c-2 has none yet. */
export function seedOrders(): Order[] {
  return [
    new Order({
      id: "o-1",
      customerId: "c-1",
      lines: [{ productId: "p-1", quantity: 2, unitPrice: Money.of(2400, "EUR") }],
      status: "pending",
      createdAt: day(10),
    }),
  ];
}

/**
 * Demo bearer tokens. A real service verifies a signed token (a JWT, see the security page) and reads the
 * caller from its claims; the API's rules about callers are the same either way.
 */
export function seedTokens(): ReadonlyMap<string, Caller> {
  return new Map<string, Caller>([
    ["token-c-1", { kind: "customer", customerId: "c-1" }],
    ["token-c-2", { kind: "customer", customerId: "c-2" }],
    ["token-staff", { kind: "staff" }],
  ]);
}
