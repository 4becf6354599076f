import { BusinessRuleViolationError } from "./domain-error.ts";

// Deliberately simple: one @, no spaces, a dot in the domain. Real proof of an address is a confirmation mail.
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** An email address, normalised (trimmed, lower case) so two spellings of one address compare equal. */
export class Email {
  readonly value: string;

  private constructor(value: string) {
    this.value = value;
    Object.freeze(this);
  }

  static of(raw: string): Email {
    // Lower-casing the local part is technically lossy, but no mainstream provider treats case as meaningful.
    const normalised = raw.trim().toLowerCase();
    if (normalised.length > 254 || !EMAIL_SHAPE.test(normalised)) {
      throw new BusinessRuleViolationError("email.format", `"${raw}" is not an email address`);
    }
    return new Email(normalised);
  }

  equals(other: Email): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
