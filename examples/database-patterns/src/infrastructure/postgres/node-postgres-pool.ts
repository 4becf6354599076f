import { DatabaseError, Pool, type PoolClient, type PoolConfig } from "pg";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import { DatabaseConnectionError } from "../../application/ports/storage-errors.ts";

/**
 * SQLSTATE classes that mean "no usable connection" rather than "this statement is wrong":
 * 08 connection exception, 57P01-57P03 the server is shutting down or starting, 53300 too many connections.
 */
function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof DatabaseError)) return true;
  const code = error.code ?? "";
  return code.startsWith("08") || ["57P01", "57P02", "57P03", "53300"].includes(code);
}

async function translateErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isConnectionFailure(error)) throw error; // constraint, syntax, serialization: the caller decides
    throw new DatabaseConnectionError("The database is unavailable", { cause: error });
  }
}

/** A client checked out of the pool, with connection failures turned into DatabaseConnectionError. */
function translatingClient(client: PoolClient): PostgresPoolClient {
  return {
    query: (sql: string, parameters: readonly unknown[]) => translateErrors(() => client.query(sql, [...parameters])),
    release: (destroy?: boolean) => client.release(destroy),
  } as unknown as PostgresPoolClient;
}

/**
 * node-postgres' pool for Kysely's PostgresDialect: what the service uses when DATABASE_URL is set.
 * Loaded by a dynamic import in main.ts only then, so PGlite users (and the browser runtimes) never need `pg`.
 */
export function nodePostgresPool(url: string, options: PoolConfig = {}): PostgresPool {
  const pool = new Pool({
    connectionString: url,
    max: 10, // pods × max must stay under the server's max_connections, with room for migrations and people
    connectionTimeoutMillis: 2_000, // the pool timeout: waiting longer only makes the 503 later
    idleTimeoutMillis: 30_000,
    statement_timeout: 5_000, // a runaway statement must not hold a connection forever
    ...options,
  });
  // An idle connection that breaks emits 'error' on the pool; without a listener that crashes the process.
  pool.on("error", (error) => console.error("postgres idle connection error:", error.message));
  return {
    options: pool.options,
    connect: async () => translatingClient(await translateErrors(() => pool.connect())),
    end: () => pool.end(),
  };
}
