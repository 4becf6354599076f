import { Account } from "../domain/account.entity.ts";
import { BusinessRuleViolationError } from "../domain/domain-error.ts";
import { Email } from "../domain/email.value-object.ts";
import { checkPasswordLength } from "../domain/password-policy.ts";
import type { AccountRepository } from "./ports/account.repository.port.ts";
import type { BreachedPasswords } from "./ports/breached-passwords.port.ts";
import type { PasswordHasher } from "./ports/password-hasher.port.ts";

/**
 * Creates a customer account. Whether the email was free or taken, the caller gets the same answer after the
 * same work (the password is hashed either way), so registration cannot be used to find out who has an account.
 * A production service would email the address: "welcome", or "someone tried to register with your address".
 */
export class RegisterAccountUseCase {
  private readonly deps: { accounts: AccountRepository; hasher: PasswordHasher; breached: BreachedPasswords };

  constructor(deps: { accounts: AccountRepository; hasher: PasswordHasher; breached: BreachedPasswords }) {
    this.deps = deps;
  }

  async execute(input: { email: string; password: string }): Promise<void> {
    const email = Email.of(input.email);
    checkPasswordLength(input.password);
    if (await this.deps.breached.isBreached(input.password)) {
      throw new BusinessRuleViolationError(
        "password.not-breached",
        "This password appears in a list of breached passwords; choose another one",
      );
    }
    const passwordHash = await this.deps.hasher.hash(input.password);
    if ((await this.deps.accounts.findByEmail(email)) !== undefined) return;
    await this.deps.accounts.save(new Account(crypto.randomUUID(), email, passwordHash, ["customer"]));
  }
}
