import type { RefreshTokenRotation } from "./refresh-token-rotation.ts";

/**
 * Ends a session: the refresh token's family is revoked, so no token of it can be refreshed again. Access tokens
 * already issued stay valid until they expire (minutes): that is the price of not checking a list on every request.
 */
export class LogOutUseCase {
  private readonly deps: { refreshTokens: RefreshTokenRotation };

  constructor(deps: { refreshTokens: RefreshTokenRotation }) {
    this.deps = deps;
  }

  execute(refreshToken: string): Promise<void> {
    return this.deps.refreshTokens.revoke(refreshToken);
  }
}
