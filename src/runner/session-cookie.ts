/**
 * The reader's browser holds the runner's secret in a cookie it cannot read from script: the page
 * trades the token from the link `npm start` printed for this cookie once, and from then on every
 * same-origin request to /__runner/ carries it. No endpoint ever answers with the token itself.
 */

/** Path the cookie is scoped to: only the runner's own requests carry it. */
export const SESSION_COOKIE_PATH = "/__runner";

/**
 * One cookie name per port: cookies are shared by every port of `localhost`, so two guides on one
 * machine (or a guide and another app) must not overwrite each other's secret.
 */
export function sessionCookieName(port: number | undefined): string {
  return `field-guide-runner-${port ?? 0}`;
}

/** The Set-Cookie value that stores the token: HttpOnly (no script reads it), SameSite=Strict, runner paths only. */
export function sessionCookie(port: number | undefined, token: string): string {
  return `${sessionCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=${SESSION_COOKIE_PATH}`;
}

/** The token a request's Cookie header carries for this port's runner, if any. */
export function tokenFromCookies(cookieHeader: string | undefined, port: number | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const name = sessionCookieName(port);
  for (const pair of cookieHeader.split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
