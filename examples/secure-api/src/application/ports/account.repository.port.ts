import type { Account } from "../../domain/account.entity.ts";
import type { Email } from "../../domain/email.value-object.ts";

/** Where accounts live. */
export interface AccountRepository {
  findByEmail(email: Email): Promise<Account | undefined>;
  findById(id: string): Promise<Account | undefined>;
  /** Inserts or replaces the account with this id. */
  save(account: Account): Promise<void>;
}
