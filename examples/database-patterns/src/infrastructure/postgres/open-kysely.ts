import { Kysely, PostgresDialect, type PostgresPool } from "kysely";
import type { Database } from "./database-schema.ts";
import type { QueryCounter } from "./query-counter.ts";

/** One Kysely instance per process over a pool (PGlite's or node-postgres'), counting every statement. */
export function openKysely(pool: PostgresPool, counter: QueryCounter): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: counter.onLog });
}
