import { messages, type PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";
import { DatabaseConnectionError } from "../../application/ports/storage-errors.ts";

type Command = PostgresQueryResult<unknown>["command"];

/** The statement's command tag, which Kysely reads to report affected rows and failed commits. */
function commandOf(sql: string): Command {
  return (sql.trimStart().split(/\s/, 1)[0] ?? "").toUpperCase() as Command;
}

/**
 * PGlite (Postgres compiled to WebAssembly, in this process) behind the pool interface that Kysely's own
 * PostgresDialect expects from node-postgres, so both drivers share one dialect and one set of queries.
 * PGlite is a single session: `connect()` hands it to one caller at a time, so one request's
 * transaction never interleaves with another's statements (they queue, as on a pool of size 1).
 */
export class PGlitePool implements PostgresPool {
  readonly options = {};
  readonly #pglite: PGlite;
  readonly #query: PostgresPoolClient["query"];
  #queue: Promise<void> = Promise.resolve();

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
    const query = async <R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> => {
      try {
        const result = await pglite.query<R>(sql, [...parameters]);
        return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      } catch (error) {
        if (error instanceof messages.DatabaseError) throw error; // an SQL error, with its SQLSTATE `code`
        throw new DatabaseConnectionError("The database is unavailable", { cause: error });
      }
    };
    this.#query = query as PostgresPoolClient["query"];
  }

  async connect(): Promise<PostgresPoolClient> {
    if (this.#pglite.closed) throw new DatabaseConnectionError("The database is closed");
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((resolve) => (release = resolve));
    await previous;
    // A client object per checkout; `release` hands the session to the next caller in the queue.
    return { query: this.#query, release } as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#queue;
    if (!this.#pglite.closed) await this.#pglite.close();
  }
}
