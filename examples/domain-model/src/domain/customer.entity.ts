import type { Email } from "./email.value-object.ts";
import type { CustomerId } from "./identifiers.ts";

/** Loyalty tiers; each earns a different discount (see pricing.service.ts). */
export type CustomerTier = "bronze" | "silver" | "gold";

/** A customer: an entity, so two customers are the same when their ids match, whatever else differs. */
export class Customer {
  readonly id: CustomerId;
  readonly email: Email;
  readonly tier: CustomerTier;

  constructor(id: CustomerId, email: Email, tier: CustomerTier) {
    this.id = id;
    this.email = email;
    this.tier = tier;
  }

  equals(other: Customer): boolean {
    return this.id === other.id;
  }
}
