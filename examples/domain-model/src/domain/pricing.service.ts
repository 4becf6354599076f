import type { CustomerTier } from "./customer.entity.ts";
import type { Money } from "./money.value-object.ts";
import type { PromoCode } from "./promo-code.value-object.ts";

// A domain service: a pure business rule that belongs to no single entity.
// It loads nothing and saves nothing; the application layer fetches its inputs.

/** Discount each loyalty tier earns, in percent. */
export const TIER_DISCOUNT_PERCENT: Readonly<Record<CustomerTier, number>> = { bronze: 5, silver: 10, gold: 15 };

/** The discount chosen for an order: where it came from, the percentage, and the amount off. */
export type AppliedDiscount = {
  readonly source: "tier" | "promo";
  readonly percent: number;
  readonly amount: Money;
};

/** The better of the tier discount and the promo code, never both; a tie keeps the tier discount. */
export function chooseDiscount(subtotal: Money, tier: CustomerTier, promo: PromoCode | undefined): AppliedDiscount {
  const tierPercent = TIER_DISCOUNT_PERCENT[tier];
  if (promo !== undefined && promo.percentOff > tierPercent) {
    return { source: "promo", percent: promo.percentOff, amount: subtotal.percentage(promo.percentOff) };
  }
  return { source: "tier", percent: tierPercent, amount: subtotal.percentage(tierPercent) };
}
