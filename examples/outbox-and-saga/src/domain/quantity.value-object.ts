import { BusinessRuleViolationError } from "./domain-error.ts";

/** How many units of a product an order line holds: a whole number from 1 to 99. */
export class Quantity {
  static readonly MIN = 1;
  static readonly MAX = 99;
  readonly value: number;

  private constructor(value: number) {
    this.value = value;
    Object.freeze(this);
  }

  static of(value: number): Quantity {
    if (!Number.isInteger(value) || value < Quantity.MIN || value > Quantity.MAX) {
      throw new BusinessRuleViolationError(
        "quantity.range",
        `Quantity must be a whole number from ${Quantity.MIN} to ${Quantity.MAX}, got ${value}`,
      );
    }
    return new Quantity(value);
  }
}
