import type { Role } from "../../domain/roles.ts";
import type { Principal } from "../principal.ts";

/** A signed access token and how many seconds it lives. */
export type IssuedAccessToken = { readonly token: string; readonly expiresIn: number };

/** Issues short-lived access tokens (JWTs signed with the current key of the key set, in this service). */
export interface AccessTokenIssuer {
  issue(subject: string, roles: readonly Role[]): Promise<IssuedAccessToken>;
}

/** Checks an access token; throws InvalidCredentialsError saying why it is refused. */
export interface AccessTokenVerifier {
  verify(token: string): Promise<Principal>;
}
