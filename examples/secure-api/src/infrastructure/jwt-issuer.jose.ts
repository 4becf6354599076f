import { createLocalJWKSet, errors, jwtVerify, SignJWT } from "jose";
import { InvalidCredentialsError } from "../application/auth-errors.ts";
import type {
  AccessTokenIssuer,
  AccessTokenVerifier,
  IssuedAccessToken,
} from "../application/ports/access-tokens.port.ts";
import type { Clock } from "../application/ports/clock.port.ts";
import type { Principal } from "../application/principal.ts";
import { knownRoles, permissionsOf, type Role } from "../domain/roles.ts";
import { SIGNING_ALGORITHM, type SigningKeyRing } from "./signing-key-ring.ts";

/** Who issues the tokens, who they are for, and how long they live. */
export type TokenSettings = { readonly issuer: string; readonly audience: string; readonly ttlSeconds: number };

/** Short-lived access tokens: JWTs signed with the key ring's current key, checked against the whole ring. */
export class JoseAccessTokens implements AccessTokenIssuer, AccessTokenVerifier {
  private readonly deps: { keys: SigningKeyRing; clock: Clock; settings: TokenSettings };

  constructor(deps: { keys: SigningKeyRing; clock: Clock; settings: TokenSettings }) {
    this.deps = deps;
  }

  async issue(subject: string, roles: readonly Role[]): Promise<IssuedAccessToken> {
    const { keys, clock, settings } = this.deps;
    const key = keys.current();
    const now = Math.floor(clock.now().getTime() / 1000);
    const token = await new SignJWT({ roles: [...roles] })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: "at+jwt" })
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + settings.ttlSeconds)
      .setJti(crypto.randomUUID())
      .sign(key.privateKey);
    return { token, expiresIn: settings.ttlSeconds };
  }

  /**
   * Verifies signature, issuer, audience and expiry against the key ring, picking the key by `kid`. The algorithm
   * is pinned: the token's own `alg` header is never trusted to choose (that is how `alg: none` and HS256-with-
   * the-public-key forgeries get in).
   */
  async verify(token: string): Promise<Principal> {
    const { keys, clock, settings } = this.deps;
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks()), {
        algorithms: [SIGNING_ALGORITHM],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ["sub", "exp"],
        typ: "at+jwt",
        currentDate: clock.now(),
      });
      const roles = knownRoles(Array.isArray(payload.roles) ? payload.roles : []);
      return { subject: payload.sub ?? "", roles, permissions: permissionsOf(roles) };
    } catch (error) {
      throw new InvalidCredentialsError(refusalReason(error));
    }
  }
}

/** Says why a token was refused, in words a client developer can act on; never echoes the token. */
function refusalReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The access token has expired; refresh it";
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The access token's "${error.claim}" claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return `Access tokens must be signed with ${SIGNING_ALGORITHM}`;
  return "The access token is not valid";
}
