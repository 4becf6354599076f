import type { MiddlewareHandler } from "hono";
import type { AccessTokenVerifier } from "../../application/ports/access-tokens.port.ts";
import type { ApiEnv } from "../api-env.ts";
import { AuthenticationRequiredError } from "../request-errors.ts";

/** Requires `Authorization: Bearer <access token>`, verifies it, and puts the caller on the context. */
export function authenticate(verifier: AccessTokenVerifier): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const match = /^Bearer ([\w-]+\.[\w-]*\.[\w-]*)$/.exec(c.req.header("Authorization") ?? "");
    if (match?.[1] === undefined) throw new AuthenticationRequiredError("Send Authorization: Bearer <access token>");
    c.set("principal", await verifier.verify(match[1]));
    await next();
  };
}
