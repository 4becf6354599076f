import { messages, type PGlite, type Transaction } from "@electric-sql/pglite";
import { DatabaseConnectionError } from "../../application/ports/storage-errors.ts";
import type { SqlClient, SqlDatabase, SqlResult } from "./sql-client.ts";

/** Runs a PGlite call; anything but an SQL error means the database itself is gone. */
async function translateErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof messages.DatabaseError) throw error;
    throw new DatabaseConnectionError("The database is unavailable", { cause: error });
  }
}

/** PGlite's database or one of its transactions, as an SqlClient. */
function pgliteClient(target: Pick<Transaction, "query" | "exec">): SqlClient {
  return {
    query: <T>(sql: string, params: unknown[] = []): Promise<SqlResult<T>> =>
      translateErrors(async () => {
        const result = await target.query<T>(sql, params);
        return { rows: result.rows, affectedRows: result.affectedRows ?? 0 };
      }),
    exec: (sql: string) => translateErrors(async () => void (await target.exec(sql))),
  };
}

/**
 * Postgres compiled to WebAssembly, in this process: what `npm start` and the in-page sandbox use
 * when DATABASE_URL is not set. It has a single connection, so its transactions run one after another.
 */
export class PGliteDatabase implements SqlDatabase {
  readonly pglite: PGlite;
  readonly #client: SqlClient;

  constructor(pglite: PGlite) {
    this.pglite = pglite;
    this.#client = pgliteClient(pglite);
  }

  query<T>(sql: string, params?: unknown[]): Promise<SqlResult<T>> {
    return this.#client.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.#client.exec(sql);
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    if (this.pglite.closed) throw new DatabaseConnectionError("The database is closed");
    // PGlite commits when the callback resolves and rolls back when it throws.
    return this.pglite.transaction((tx) => work(pgliteClient(tx)));
  }

  async ping(): Promise<boolean> {
    if (this.pglite.closed) return false;
    try {
      await this.pglite.query("SELECT 1");
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}
