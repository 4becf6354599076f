import { z } from "zod";

// Shape and types only; the password and email rules live in the domain. Strict objects: a field the API does
// not take (`"role": "staff"`, `"id": …`) is refused with 422, never copied onto an account (mass assignment).

/** Body of POST /auth/register. */
export const registerBody = z.strictObject({ email: z.string().min(1), password: z.string().min(1) });

/** Body of POST /auth/login. */
export const loginBody = z.strictObject({ email: z.string().min(1), password: z.string().min(1) });

/** Body of POST /auth/refresh and POST /auth/logout. */
export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(200) });
