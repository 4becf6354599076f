import type { BreachedPasswords } from "../application/ports/breached-passwords.port.ts";

/**
 * A handful of long passwords that are in every breach corpus, bundled so the example runs offline. Production
 * asks Have I Been Pwned's range API instead: it sends the first 5 hex characters of the password's SHA-1 and
 * compares the returned suffixes locally (k-anonymity), so the password never leaves the service. Short ones
 * ("123456") are refused by the length rule before this list is looked at.
 */
const BREACHED = new Set([
  "correct horse battery staple",
  "passwordpassword",
  "password1234567",
  "1234567890123456",
  "123456789012345",
  "qwertyuiopasdfgh",
  "iloveyouiloveyou",
  "letmeinletmein1",
  "administrator123",
  "aaaaaaaaaaaaaaaa",
]);

/** The bundled list, looked up in memory. */
export class BundledBreachedPasswords implements BreachedPasswords {
  async isBreached(password: string): Promise<boolean> {
    return BREACHED.has(password);
  }
}
