/** Knows passwords that leaked in breaches (attackers try those first, whatever their length). */
export interface BreachedPasswords {
  isBreached(password: string): Promise<boolean>;
}
