import type { Email } from "./email.value-object.ts";
import type { Role } from "./roles.ts";

/** Someone who can log in. A customer's account id is their customer id, so their orders name it. */
export class Account {
  readonly id: string;
  readonly email: Email;
  /** The password hash as a PHC string (`$argon2id$v=19$m=…`), never the password. */
  readonly passwordHash: string;
  readonly roles: readonly Role[];

  constructor(id: string, email: Email, passwordHash: string, roles: readonly Role[]) {
    this.id = id;
    this.email = email;
    this.passwordHash = passwordHash;
    this.roles = roles;
  }

  /** The same account with a hash computed under the current parameters (see LogInUseCase). */
  withPasswordHash(passwordHash: string): Account {
    return new Account(this.id, this.email, passwordHash, this.roles);
  }
}
