import { BusinessRuleViolationError } from "./domain-error.ts";

// ICU ships the ISO 4217 list with every Node and browser, so the domain needs no package for it.
const ISO_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** Plain JSON shape of an amount: integer minor units (cents) and an ISO 4217 currency. */
export type MoneyJson = { readonly currency: string; readonly minorUnits: number };

/** An amount of money: immutable, never negative, counted in integer minor units so sums never drift. */
export class Money {
  readonly currency: string;
  readonly minorUnits: number;

  private constructor(minorUnits: number, currency: string) {
    this.currency = currency;
    this.minorUnits = minorUnits;
    Object.freeze(this);
  }

  /** Validates and creates an amount, e.g. `Money.of(1250, "EUR")` for EUR 12.50. */
  static of(minorUnits: number, currency: string): Money {
    if (!ISO_CURRENCIES.has(currency)) {
      throw new BusinessRuleViolationError("money.iso-currency", `${currency} is not an ISO 4217 currency code`);
    }
    if (!Number.isSafeInteger(minorUnits) || minorUnits < 0) {
      throw new BusinessRuleViolationError(
        "money.non-negative-integer",
        "Money is a whole, non-negative number of minor units",
      );
    }
    return new Money(minorUnits, currency);
  }

  /** The sum; refuses to add two currencies. */
  add(other: Money): Money {
    if (other.currency !== this.currency) {
      throw new BusinessRuleViolationError("money.same-currency", `Cannot add ${other.currency} to ${this.currency}`);
    }
    return Money.of(this.minorUnits + other.minorUnits, this.currency);
  }

  /** This amount `factor` times (a whole number, e.g. a quantity). */
  times(factor: number): Money {
    return Money.of(this.minorUnits * factor, this.currency);
  }

  toJSON(): MoneyJson {
    return { currency: this.currency, minorUnits: this.minorUnits };
  }
}
