import { DatabaseError, Pool, type PoolClient, type PoolConfig } from "pg";
import { DatabaseConnectionError } from "../../application/ports/storage-errors.ts";
import type { SqlClient, SqlDatabase, SqlResult } from "./sql-client.ts";

/**
 * SQLSTATE classes that mean "no usable connection" rather than "this statement is wrong":
 * 08 connection exception, 57P01-57P03 the server is shutting down or starting, 53300 too many connections.
 */
function isConnectionFailure(error: DatabaseError): boolean {
  const code = error.code ?? "";
  return code.startsWith("08") || ["57P01", "57P02", "57P03", "53300"].includes(code);
}

/**
 * Runs a driver call. An SQL error (constraint, syntax, type) goes through as it is, with its
 * SQLSTATE in `code`, so the repositories can recognise a unique violation. Anything else (refused
 * connection, timeout, connection terminated) becomes DatabaseConnectionError, which the edge maps to 503.
 */
async function translateErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DatabaseError && !isConnectionFailure(error)) throw error;
    throw new DatabaseConnectionError("The database is unavailable", { cause: error });
  }
}

/** A pool or one client checked out of it, as an SqlClient. */
function nodePostgresClient(target: Pool | PoolClient): SqlClient {
  return {
    query: <T>(sql: string, params: unknown[] = []): Promise<SqlResult<T>> =>
      translateErrors(async () => {
        const result = await target.query(sql, params);
        return { rows: result.rows as T[], affectedRows: result.rowCount ?? 0 };
      }),
    // Without parameters node-postgres uses the simple query protocol, which runs several statements.
    exec: (sql: string) => translateErrors(async () => void (await target.query(sql))),
  };
}

/**
 * A Postgres server over the network, through node-postgres' connection pool: what the service
 * uses when DATABASE_URL is set. Every transaction gets a connection of its own, so two requests'
 * transactions really run at the same time, and the version column is what keeps them honest.
 */
export class NodePostgresDatabase implements SqlDatabase {
  readonly #pool: Pool;
  readonly #client: SqlClient;

  constructor(pool: Pool) {
    this.#pool = pool;
    this.#client = nodePostgresClient(pool);
  }

  /** One pool per process, created at startup by the composition root; checks that the server answers. */
  static async connect(url: string, options: PoolConfig = {}): Promise<NodePostgresDatabase> {
    const pool = new Pool({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: 2_000, // waiting longer for a connection only makes the 503 later
      idleTimeoutMillis: 30_000,
      statement_timeout: 5_000, // a runaway statement must not hold a connection forever
      ...options,
    });
    // An idle connection that breaks emits 'error' on the pool; without a listener that crashes the
    // process. The pool drops the connection and opens a new one when needed.
    pool.on("error", (error) => console.error("postgres idle connection error:", error.message));
    const database = new NodePostgresDatabase(pool);
    try {
      await database.query("SELECT 1");
    } catch (error) {
      await pool.end();
      throw error;
    }
    return database;
  }

  query<T>(sql: string, params?: unknown[]): Promise<SqlResult<T>> {
    return this.#client.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.#client.exec(sql);
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const connection = await translateErrors(() => this.#pool.connect());
    const tx = nodePostgresClient(connection);
    let broken = false;
    try {
      await tx.exec("BEGIN");
      const result = await work(tx);
      await tx.exec("COMMIT");
      return result;
    } catch (error) {
      try {
        await tx.exec("ROLLBACK");
      } catch {
        broken = true; // the connection is gone (the server rolls back on its own): do not reuse it
      }
      throw error;
    } finally {
      connection.release(broken);
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.#pool.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  /** Waits for checked-out connections to come back, then closes them all. */
  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}
