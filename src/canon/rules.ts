import type { ExampleName } from "./site.ts";

/** The two problem types that carry a `rule` member: which one a rule uses follows the status policy. */
export type RuleProblemSlug = "business-rule-violation" | "state-conflict";

/** One business rule of the shop, with the single id every page and example uses for it. */
export type Rule = {
  /** Stable id: `<thing>.<rule>` in kebab case, sent to clients as the problem's `rule` member. */
  readonly id: string;
  /** What the rule says, as a sentence about the shop. */
  readonly meaning: string;
  /** 422 when the request can never succeed as sent, 409 when it conflicts with the current state. */
  readonly status: 422 | 409;
  /** The problem type it is answered with; determined by `status`. */
  readonly problemType: RuleProblemSlug;
  /** The error class that raises it (see errors.ts), in every language. */
  readonly errorClass: "BusinessRuleViolationError" | "StateConflictError";
  /** Examples that raise it (checked by the drift tests, both ways). */
  readonly raisedBy: readonly ExampleName[];
  /**
   * The page that shows it when no example raises it: a rule of another bounded context (customers' tiers, postal
   * addresses) that a page teaches with, and no example's shop needs.
   */
  readonly shownOn?: string;
};

const invariant = (id: string, meaning: string, raisedBy: readonly ExampleName[]): Rule => ({
  id,
  meaning,
  status: 422,
  problemType: "business-rule-violation",
  errorClass: "BusinessRuleViolationError",
  raisedBy,
});

const conflict = (id: string, meaning: string, raisedBy: readonly ExampleName[]): Rule => ({
  id,
  meaning,
  status: 409,
  problemType: "state-conflict",
  errorClass: "StateConflictError",
  raisedBy,
});

/**
 * The rule catalog: every business rule an example raises, and nothing else. Value-object and invariant
 * rules answer 422 (the request can never succeed as sent); rules about the shop's current state answer
 * 409 (it might succeed later, or after another change).
 */
export const rules: readonly Rule[] = [
  invariant("money.iso-currency", "An amount's currency is an ISO 4217 code, such as EUR.", [
    "layered-service",
    "domain-model",
    "repository-unit-of-work",
    "cache-aside",
    "error-handling",
    "observability",
    "outbox-and-saga",
    "resilience",
    "database-patterns",
    "api-design",
  ]),
  invariant(
    "money.non-negative-integer",
    "An amount is a whole, non-negative number of minor units (cents): never a fraction, never below zero.",
    [
      "layered-service",
      "domain-model",
      "repository-unit-of-work",
      "cache-aside",
      "error-handling",
      "observability",
      "outbox-and-saga",
      "resilience",
      "database-patterns",
      "api-design",
    ],
  ),
  invariant(
    "money.same-currency",
    "Amounts are added or subtracted only within one currency; there is no implicit exchange rate.",
    [
      "layered-service",
      "domain-model",
      "repository-unit-of-work",
      "error-handling",
      "observability",
      "outbox-and-saga",
      "resilience",
      "api-design",
    ],
  ),
  invariant("quantity.range", "A quantity is a whole number of units from 1 to 99.", [
    "layered-service",
    "domain-model",
    "repository-unit-of-work",
    "error-handling",
    "observability",
    "outbox-and-saga",
    "resilience",
    "api-design",
  ]),
  invariant("order.not-empty", "An order holds at least one line, from the moment it is placed.", [
    "layered-service",
    "domain-model",
    "repository-unit-of-work",
    "error-handling",
    "observability",
    "outbox-and-saga",
    "resilience",
    "api-design",
  ]),
  invariant("order.max-lines", "An order holds at most 10 lines (different products).", [
    "layered-service",
    "domain-model",
    "repository-unit-of-work",
    "error-handling",
    "observability",
    "outbox-and-saga",
    "resilience",
    "api-design",
  ]),
  invariant("order.single-currency", "All lines of an order are priced in one currency.", ["domain-model"]),
  invariant("email.format", "An email address has one @, no spaces, and a dot in its domain.", ["domain-model"]),
  invariant("identity.required", "An id is never empty.", ["domain-model"]),
  invariant("promo-code.format", "A promo code is 3 to 20 letters or digits; case does not matter.", ["domain-model"]),
  invariant("promo-code.percent-range", "A promo code takes 1 to 50 % off.", ["domain-model"]),
  invariant("product.stock-non-negative", "A product's stock is a whole number, never negative.", [
    "repository-unit-of-work",
    "database-patterns",
    "api-design",
  ]),
  invariant("product.price-currency", "A product's new price is in the currency it is already sold in.", [
    "cache-aside",
    "database-patterns",
    "api-design",
    "api-design",
  ]),
  conflict("order.customer-active", "Only an active customer places orders.", ["layered-service"]),
  conflict("order.known-customer", "An order is placed for a customer who exists.", [
    "layered-service",
    "domain-model",
  ]),
  conflict("order.known-products", "Every product an order names exists in the catalog.", [
    "layered-service",
    "domain-model",
    "repository-unit-of-work",
    "error-handling",
    "observability",
    "outbox-and-saga",
    "resilience",
    "api-design",
  ]),
  conflict("order.known-promo-code", "A promo code given with an order exists.", ["domain-model"]),
  conflict("order.changes-only-while-pending", "Lines change, and an order is confirmed, only while it is pending.", [
    "domain-model",
  ]),
  conflict(
    "order.no-cancel-after-shipping",
    "A shipped or delivered order cannot be cancelled; it comes back as a return.",
    ["domain-model"],
  ),
  conflict(
    "order.status-transition",
    "An order moves pending → confirmed → shipped → delivered (or to cancelled), one step at a time, never twice.",
    ["domain-model", "outbox-and-saga"],
  ),
  conflict(
    "payment.authorized",
    "A payment is taken only when the payment provider authorizes the charge; a declined charge cancels the checkout.",
    ["outbox-and-saga"],
  ),
  conflict("product.stock-available", "An order reserves only units that are in stock.", [
    "repository-unit-of-work",
    "error-handling",
    "observability",
    "outbox-and-saga",
  ]),
  // Rules of other contexts that the domain-driven design pages model and no example needs.
  {
    ...invariant("address.required", "A postal address has a first line, a city and a postal code.", []),
    shownOn: "foundations/entities-and-value-objects",
  },
  {
    ...invariant("address.country", "A postal address names its country as an ISO 3166-1 code, such as DE.", []),
    shownOn: "foundations/entities-and-value-objects",
  },
  {
    ...conflict("customer.active", "Only an active customer's loyalty tier changes.", []),
    shownOn: "foundations/domain-driven-design",
  },
  {
    ...conflict("customer.tier-upgrade-only", "A customer's loyalty tier only goes up: bronze, silver, gold.", []),
    shownOn: "foundations/domain-driven-design",
  },
];
