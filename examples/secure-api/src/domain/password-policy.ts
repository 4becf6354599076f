import { BusinessRuleViolationError } from "./domain-error.ts";

/**
 * NIST SP 800-63B-4: at least 15 characters when the password is the only factor (8 only with a second factor,
 * and this shop has no MFA), every character allowed, no composition rules ("one digit, one symbol"), and a
 * check against passwords known from breaches (password.not-breached, checked by the use case through a port).
 * The upper bound keeps one login from costing unbounded hashing work; NIST asks to allow at least 64.
 */
export const PASSWORD_LENGTH = { min: 15, max: 128 } as const;

/** Counts characters as a person sees them (code points), so "ü" or an emoji counts once. */
export function checkPasswordLength(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) {
    throw new BusinessRuleViolationError(
      "password.length",
      `A password has ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters; this one has ${length}`,
    );
  }
}
