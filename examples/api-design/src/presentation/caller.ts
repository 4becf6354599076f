import type { Context, MiddlewareHandler } from "hono";
import type { Caller } from "../application/caller.ts";
import { AuthenticationRequiredError } from "./request-errors.ts";

/** The Hono environment of this API: the authenticated caller, when there is one. */
export type ApiEnv = { Variables: { caller: Caller | undefined } };

/** Reads `Authorization: Bearer <token>` into a caller; `undefined` when absent or unknown. */
export function callerFromHeader(
  header: string | undefined,
  authenticate: (token: string) => Caller | undefined,
): Caller | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1] === undefined ? undefined : authenticate(match[1]);
}

/** The caller, or a 401 for an operation that needs one. */
export function requireCaller(c: Context<ApiEnv>): Caller {
  const caller = c.get("caller");
  if (caller === undefined) throw new AuthenticationRequiredError("Send Authorization: Bearer <token>");
  return caller;
}

/**
 * For routes that need a caller: refuses an anonymous request with 401 before its body is even validated, so a
 * stranger learns nothing from the validation errors of an operation they may not call.
 */
export const authenticated: MiddlewareHandler<ApiEnv> = async (c, next) => {
  requireCaller(c);
  await next();
};
