import type { Permission, Role } from "../domain/roles.ts";

/** Who is calling, as a verified access token says: the account id (`sub`), its roles and their permissions. */
export type Principal = {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly permissions: readonly Permission[];
};
