import type { Account } from "../domain/account.entity.ts";
import { Email } from "../domain/email.value-object.ts";
import { InvalidCredentialsError } from "./auth-errors.ts";
import type { AccessTokenIssuer } from "./ports/access-tokens.port.ts";
import type { AccountRepository } from "./ports/account.repository.port.ts";
import type { PasswordHasher } from "./ports/password-hasher.port.ts";
import type { RefreshTokenRotation } from "./refresh-token-rotation.ts";
import type { TokenPair } from "./token-pair.ts";

/** One message for every failed login: which half was wrong would tell an attacker which emails have accounts. */
export const LOGIN_FAILED = "Email or password is incorrect";

/** Checks a password and opens a session: an access token and the first refresh token of a new family. */
export class LogInUseCase {
  private readonly deps: {
    accounts: AccountRepository;
    hasher: PasswordHasher;
    accessTokens: AccessTokenIssuer;
    refreshTokens: RefreshTokenRotation;
  };

  constructor(deps: {
    accounts: AccountRepository;
    hasher: PasswordHasher;
    accessTokens: AccessTokenIssuer;
    refreshTokens: RefreshTokenRotation;
  }) {
    this.deps = deps;
  }

  async execute(input: { email: string; password: string }): Promise<TokenPair> {
    const account = await this.findAccount(input.email);
    // Verified even when there is no account (against a dummy hash): the answer takes as long either way.
    const matches = await this.deps.hasher.verify(input.password, account?.passwordHash ?? null);
    if (account === undefined || !matches) throw new InvalidCredentialsError(LOGIN_FAILED);
    await this.rehashIfOutdated(account, input.password);
    const access = await this.deps.accessTokens.issue(account.id, account.roles);
    const refreshToken = await this.deps.refreshTokens.start(account.id);
    return { accessToken: access.token, tokenType: "Bearer", expiresIn: access.expiresIn, refreshToken };
  }

  private async findAccount(email: string): Promise<Account | undefined> {
    try {
      return await this.deps.accounts.findByEmail(Email.of(email));
    } catch {
      return undefined; // not an email address: refused like an unknown one, with the same message
    }
  }

  /** The only moment the service holds the plain password: raise an old hash to today's parameters now. */
  private async rehashIfOutdated(account: Account, password: string): Promise<void> {
    if (!this.deps.hasher.needsRehash(account.passwordHash)) return;
    await this.deps.accounts.save(account.withPasswordHash(await this.deps.hasher.hash(password)));
  }
}
