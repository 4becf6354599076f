import { messages, type Results, type Transaction } from "@electric-sql/pglite";
import { DatabaseConnectionError } from "../../application/ports/storage-errors.ts";

/** What the repositories need from PGlite: the database itself and an open transaction both fit. */
export type SqlClient = Pick<Transaction, "query">;

/**
 * Runs one parameterised query (values travel as `$1, $2…` parameters, never inside the SQL text).
 * A failure that is not an SQL error (constraint, syntax…) means the database itself is gone.
 */
export async function runQuery<T>(client: SqlClient, sql: string, params: unknown[] = []): Promise<Results<T>> {
  try {
    return await client.query<T>(sql, params);
  } catch (error) {
    if (error instanceof messages.DatabaseError) throw error;
    throw new DatabaseConnectionError("The database is unavailable", { cause: error });
  }
}

/** True for Postgres' unique_violation, e.g. inserting a primary key that exists. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof messages.DatabaseError && error.code === "23505";
}
