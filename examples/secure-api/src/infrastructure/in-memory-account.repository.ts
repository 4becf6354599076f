import type { AccountRepository } from "../application/ports/account.repository.port.ts";
import type { Account } from "../domain/account.entity.ts";
import type { Email } from "../domain/email.value-object.ts";

/** Accounts in a Map, by id. */
export class InMemoryAccountRepository implements AccountRepository {
  private readonly accounts = new Map<string, Account>();

  constructor(seed: readonly Account[] = []) {
    for (const account of seed) this.accounts.set(account.id, account);
  }

  async findByEmail(email: Email): Promise<Account | undefined> {
    return [...this.accounts.values()].find((account) => account.email.value === email.value);
  }

  async findById(id: string): Promise<Account | undefined> {
    return this.accounts.get(id);
  }

  async save(account: Account): Promise<void> {
    this.accounts.set(account.id, account);
  }
}
