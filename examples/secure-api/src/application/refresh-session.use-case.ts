import { InvalidCredentialsError } from "./auth-errors.ts";
import type { AccessTokenIssuer } from "./ports/access-tokens.port.ts";
import type { AccountRepository } from "./ports/account.repository.port.ts";
import type { RefreshTokenRotation } from "./refresh-token-rotation.ts";
import type { TokenPair } from "./token-pair.ts";

/** Exchanges a refresh token for a new pair. The roles come from the account as it is now, not from the old token. */
export class RefreshSessionUseCase {
  private readonly deps: {
    accounts: AccountRepository;
    accessTokens: AccessTokenIssuer;
    refreshTokens: RefreshTokenRotation;
  };

  constructor(deps: {
    accounts: AccountRepository;
    accessTokens: AccessTokenIssuer;
    refreshTokens: RefreshTokenRotation;
  }) {
    this.deps = deps;
  }

  async execute(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.deps.refreshTokens.rotate(refreshToken);
    const account = await this.deps.accounts.findById(rotated.accountId);
    if (account === undefined) throw new InvalidCredentialsError("The account no longer exists");
    const access = await this.deps.accessTokens.issue(account.id, account.roles);
    return {
      accessToken: access.token,
      tokenType: "Bearer",
      expiresIn: access.expiresIn,
      refreshToken: rotated.refreshToken,
    };
  }
}
