/**
 * What the repositories, the unit of work and the migrations need from Postgres, whichever driver
 * talks to it: PGlite in the process (`pglite-database.ts`) or a Postgres server over the network
 * through node-postgres (`node-postgres-database.ts`). The SQL is written once, against this.
 */

/** The rows a statement returned and how many rows it changed. */
export type SqlResult<T> = { readonly rows: T[]; readonly affectedRows: number };

/**
 * One connection's worth of SQL: the database itself or an open transaction. Drivers translate a
 * failure that is not an SQL error (the database is unreachable or went away) into
 * DatabaseConnectionError, and let SQL errors (constraints, syntax) through with their SQLSTATE `code`.
 */
export interface SqlClient {
  /** One parameterised statement: values travel as `$1, $2…` parameters, never inside the SQL text. */
  query<T>(sql: string, params?: unknown[]): Promise<SqlResult<T>>;
  /** A script of several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

/** A database: SQL, transactions, a health check, and closing. */
export interface SqlDatabase extends SqlClient {
  /**
   * Runs `work` in one transaction on one connection: commits when it resolves, rolls back when it
   * throws (and rethrows). Throws DatabaseConnectionError if no connection can be had.
   */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query; never throws, so a readiness probe can call it. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Runs one parameterised query (kept as a function so the repositories read the same on every driver). */
export function runQuery<T>(client: SqlClient, sql: string, params: unknown[] = []): Promise<SqlResult<T>> {
  return client.query<T>(sql, params);
}

/** True for Postgres' unique_violation (SQLSTATE 23505), e.g. inserting a primary key that exists. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}
