import { Kysely, PostgresDialect, type LogEvent, type PostgresPool } from "kysely";
import type { Database } from "./database-schema.ts";
import type { QueryCounter } from "./query-counter.ts";

/**
 * One Kysely instance per process over a pool (PGlite's or node-postgres'), counting every statement, and
 * telling `onQuery` (the tracing, when there is one) about each.
 */
export function openKysely(
  pool: PostgresPool,
  counter: QueryCounter,
  onQuery?: (event: LogEvent) => void,
): Kysely<Database> {
  const log = (event: LogEvent) => {
    counter.onLog(event);
    onQuery?.(event);
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
}
