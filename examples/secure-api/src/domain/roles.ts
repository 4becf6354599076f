/** What an account is, in the shop: a customer, or a member of staff. */
export type Role = "customer" | "staff";

/** What a caller may do. Routes ask for permissions; roles only say which permissions an account has. */
export type Permission = "orders:place" | "orders:read" | "orders:read-any";

const PERMISSIONS_OF: Readonly<Record<Role, readonly Permission[]>> = {
  customer: ["orders:place", "orders:read"],
  staff: ["orders:read", "orders:read-any"],
};

/** Every permission the roles grant, once each. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => PERMISSIONS_OF[role]))];
}

/** Narrows a claim from a token to the roles this service knows; unknown roles grant nothing. */
export function knownRoles(values: readonly unknown[]): Role[] {
  return values.filter((value): value is Role => value === "customer" || value === "staff");
}
