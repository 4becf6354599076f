/** Hashes and checks passwords. The adapter chooses the algorithm and its cost (argon2id in this service). */
export interface PasswordHasher {
  /** A self-describing hash (algorithm, parameters, salt and digest in one string). */
  hash(password: string): Promise<string>;
  /**
   * Whether the password matches the stored hash. With `null` (no such account) it checks against a dummy hash
   * and answers false, so an unknown email costs the same time as a wrong password.
   */
  verify(password: string, storedHash: string | null): Promise<boolean>;
  /** True when the stored hash was made with other parameters than the current ones. */
  needsRehash(storedHash: string): boolean;
}
