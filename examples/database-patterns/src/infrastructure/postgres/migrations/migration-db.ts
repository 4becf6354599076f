import type { Kysely } from "kysely";

// Migrations run against every past shape of the schema, not against today's `Database` type, so they
// take an untyped Kysely, as Kysely's own documentation does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;
