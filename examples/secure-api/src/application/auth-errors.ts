/**
 * Credentials the service does not accept: a wrong password, an unknown email, a refresh token that is unknown,
 * expired, revoked or replayed, an access token that fails verification (mapped to 401 unauthenticated).
 */
export class InvalidCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidCredentialsError";
  }
}
