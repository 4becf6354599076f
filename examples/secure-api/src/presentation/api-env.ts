import type { Principal } from "../application/principal.ts";

/** What middleware hands to the routes: the verified caller, once `authenticate` has run. */
export type ApiEnv = { Variables: { principal: Principal } };
