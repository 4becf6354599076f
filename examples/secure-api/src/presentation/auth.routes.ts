import { Hono } from "hono";
import type { LogInUseCase } from "../application/log-in.use-case.ts";
import type { LogOutUseCase } from "../application/log-out.use-case.ts";
import type { RateLimiter } from "../application/ports/rate-limiter.port.ts";
import type { RefreshSessionUseCase } from "../application/refresh-session.use-case.ts";
import type { RegisterAccountUseCase } from "../application/register-account.use-case.ts";
import { loginBody, refreshBody, registerBody } from "./auth.schemas.ts";
import { clientAddress } from "./client-address.ts";
import { enforceRateLimit, rateLimit } from "./middleware/rate-limit.ts";
import { readJsonBody } from "./read-json-body.ts";

/** What the auth routes call. */
export type AuthDeps = {
  register: RegisterAccountUseCase;
  logIn: LogInUseCase;
  refresh: RefreshSessionUseCase;
  logOut: LogOutUseCase;
  /** Per client address, on every /auth route: slows down one machine trying many accounts. */
  authPerClient: RateLimiter;
  /** Per account (the email as sent), on login: slows down many machines guessing one password. */
  loginPerAccount: RateLimiter;
};

/** The same answer whether or not the email was free: registration does not reveal who has an account. */
export const REGISTERED = "If this address can be registered, it has been: log in with it";

/** Register, log in, refresh, log out. Token responses are never cached (RFC 6749, section 5.1). */
export function authRoutes(deps: AuthDeps): Hono {
  const routes = new Hono();
  routes.use(rateLimit(deps.authPerClient, clientAddress));
  routes.use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });

  routes.post("/register", async (c) => {
    await deps.register.execute(await readJsonBody(c, registerBody));
    return c.json({ status: "accepted", detail: REGISTERED }, 202);
  });

  routes.post("/login", async (c) => {
    const body = await readJsonBody(c, loginBody);
    enforceRateLimit(c, deps.loginPerAccount, body.email.trim().toLowerCase());
    return c.json(await deps.logIn.execute(body));
  });

  routes.post("/refresh", async (c) =>
    c.json(await deps.refresh.execute((await readJsonBody(c, refreshBody)).refreshToken)),
  );

  routes.post("/logout", async (c) => {
    await deps.logOut.execute((await readJsonBody(c, refreshBody)).refreshToken);
    return c.body(null, 204);
  });
  return routes;
}
