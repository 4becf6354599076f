import { BusinessRuleViolationError } from "./domain-error.ts";

/** A marketing code worth a percentage off; codes are case-insensitive, so they are stored upper case. */
export class PromoCode {
  static readonly MAX_PERCENT_OFF = 50;
  readonly code: string;
  readonly percentOff: number;

  private constructor(code: string, percentOff: number) {
    this.code = code;
    this.percentOff = percentOff;
    Object.freeze(this);
  }

  static of(code: string, percentOff: number): PromoCode {
    const normalised = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{3,20}$/.test(normalised)) {
      throw new BusinessRuleViolationError("promo-code.format", `"${code}" is not a promo code`);
    }
    if (!Number.isInteger(percentOff) || percentOff < 1 || percentOff > PromoCode.MAX_PERCENT_OFF) {
      throw new BusinessRuleViolationError(
        "promo-code.percent-range",
        `A promo code takes 1 to ${PromoCode.MAX_PERCENT_OFF} % off`,
      );
    }
    return new PromoCode(normalised, percentOff);
  }
}
