import { DatabaseConnectionError } from "../application/ports/infrastructure-errors.ts";

// Codes drivers use when the server is unreachable or went away: worth a 503 and a retry.
const CONNECTION_ERROR_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "57P01"]);

/**
 * Rethrows a raw driver error in the application's terms: a connection failure becomes a
 * DatabaseConnectionError, with the driver's error kept as `cause` for the log. Anything else (a bad
 * query, a constraint the code should have checked) is a bug, not an outage, so it goes up unchanged.
 */
export function translateDatabaseError(error: unknown): never {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === "string" && CONNECTION_ERROR_CODES.has(code)) {
    throw new DatabaseConnectionError(`database unreachable (${code})`, { cause: error });
  }
  throw error;
}
