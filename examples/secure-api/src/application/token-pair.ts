/** What a login or a refresh returns: a short-lived access token and the refresh token that replaces it. */
export type TokenPair = {
  readonly accessToken: string;
  readonly tokenType: "Bearer";
  /** Seconds the access token lives. */
  readonly expiresIn: number;
  readonly refreshToken: string;
};
