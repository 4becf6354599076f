import type { ProductSeed } from "./postgres/insert-products.ts";

/**
 * The products the service starts with, under fixed ids so the README's requests work straight
 * away. p-3 has only 2 monitors left and p-4 is sold out, to watch a reservation fail.
 */
export const seedProducts = (): ProductSeed[] => [
  { id: "p-1", name: "Mechanical keyboard", priceMinor: 8900, currency: "EUR", stock: 10 },
  { id: "p-2", name: "USB-C cable", priceMinor: 990, currency: "EUR", stock: 100 },
  { id: "p-3", name: "27-inch monitor", priceMinor: 24900, currency: "EUR", stock: 2 },
  { id: "p-4", name: "Desk lamp", priceMinor: 3450, currency: "EUR", stock: 0 },
];
