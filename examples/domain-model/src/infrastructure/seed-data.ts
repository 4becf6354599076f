import { Customer } from "../domain/customer.entity.ts";
import { Email } from "../domain/email.value-object.ts";
import { CustomerId, ProductId } from "../domain/identifiers.ts";
import { Money } from "../domain/money.value-object.ts";
import type { OrderSnapshot } from "../domain/order.aggregate.ts";
import { Product } from "../domain/product.entity.ts";
import { PromoCode } from "../domain/promo-code.value-object.ts";

// Fixed ids so the README's requests work right after `npm start`.

/** c-1 gold (15 %), c-2 bronze (5 %), c-3 silver (10 %). The odd spelling of c-1's email shows normalisation. */
export const seedCustomers = (): Customer[] => [
  new Customer(CustomerId.of("c-1"), Email.of("  Ada.Lovelace@Example.COM "), "gold"),
  new Customer(CustomerId.of("c-2"), Email.of("grace@example.com"), "bronze"),
  new Customer(CustomerId.of("c-3"), Email.of("alan@example.com"), "silver"),
];

/** p-1 to p-4 priced in EUR; p-5 in USD, to try the one-currency-per-order rule. */
export const seedProducts = (): Product[] => [
  new Product(ProductId.of("p-1"), "Mechanical keyboard", Money.of(8900, "EUR")),
  new Product(ProductId.of("p-2"), "USB-C cable", Money.of(990, "EUR")),
  new Product(ProductId.of("p-3"), "27-inch monitor", Money.of(24900, "EUR")),
  new Product(ProductId.of("p-4"), "Desk lamp", Money.of(3450, "EUR")),
  new Product(ProductId.of("p-5"), "Travel adapter (US store)", Money.of(1500, "USD")),
];

/** SPRING20 beats every tier; WELCOME5 never beats one. */
export const seedPromoCodes = (): PromoCode[] => [PromoCode.of("SPRING20", 20), PromoCode.of("WELCOME5", 5)];

/** o-1: pending, for c-1 with SPRING20. o-2: already shipped, to try cancelling too late. */
export const seedOrders = (): OrderSnapshot[] => [
  {
    id: "o-1",
    version: 1,
    customerId: "c-1",
    status: "pending",
    placedAt: "2026-01-05T09:00:00.000Z",
    promoCode: "SPRING20",
    lines: [
      { productId: "p-1", quantity: 1, unitPrice: { currency: "EUR", minorUnits: 8900 } },
      { productId: "p-2", quantity: 2, unitPrice: { currency: "EUR", minorUnits: 990 } },
    ],
    discount: null,
  },
  {
    id: "o-2",
    version: 1,
    customerId: "c-2",
    status: "shipped",
    placedAt: "2026-01-04T15:30:00.000Z",
    promoCode: null,
    lines: [{ productId: "p-3", quantity: 1, unitPrice: { currency: "EUR", minorUnits: 24900 } }],
    discount: { source: "tier", percent: 5, amount: { currency: "EUR", minorUnits: 1245 } },
  },
];
