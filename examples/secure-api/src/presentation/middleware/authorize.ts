import type { MiddlewareHandler } from "hono";
import { PermissionDeniedError } from "../../domain/domain-error.ts";
import type { Permission, Role } from "../../domain/roles.ts";
import type { ApiEnv } from "../api-env.ts";

/** Lets the request through when the caller has ANY of the roles (runs after `authenticate`). */
export function requireAnyRole(...roles: Role[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const caller = c.get("principal");
    if (!roles.some((role) => caller.roles.includes(role))) {
      throw new PermissionDeniedError(c.req.path, `This needs one of the roles: ${roles.join(", ")}`);
    }
    await next();
  };
}

/** Lets the request through when the caller has ALL of the permissions (runs after `authenticate`). */
export function requirePermissions(...permissions: Permission[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const caller = c.get("principal");
    const missing = permissions.filter((permission) => !caller.permissions.includes(permission));
    if (missing.length > 0) {
      throw new PermissionDeniedError(c.req.path, `This needs the permissions: ${missing.join(", ")}`);
    }
    await next();
  };
}
