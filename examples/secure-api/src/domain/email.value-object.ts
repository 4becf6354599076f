import { BusinessRuleViolationError } from "./domain-error.ts";

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address, trimmed and lower-cased, so "Ada@Example.com" and "ada@example.com" are one account. */
export class Email {
  readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  static of(raw: string): Email {
    const value = raw.trim().toLowerCase();
    if (!EMAIL_SHAPE.test(value)) {
      throw new BusinessRuleViolationError("email.format", `"${raw}" is not an email address`);
    }
    return new Email(value);
  }
}
