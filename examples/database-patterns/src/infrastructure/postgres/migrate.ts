import type { MigrationDb } from "./migrations/migration-db.ts";
import { Migrator, NO_MIGRATIONS } from "kysely/migration";
import { migrationProvider } from "./migrations/index.ts";

function migrator(db: MigrationDb): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

/** Throws the migrator's error with the name of the migration that failed. */
function applied(result: Awaited<ReturnType<Migrator["migrateToLatest"]>>): string[] {
  const failed = result.results?.find((step) => step.status === "Error");
  if (result.error) {
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? "(none)"} failed: ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).map((step) => step.migrationName);
}

/** Applies every migration not applied yet, in order, at startup; returns their names. */
export async function migrateToLatest(db: MigrationDb): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

/** Migrates up or down to `name` (inclusive); `null` undoes every migration. */
export async function migrateTo(db: MigrationDb, name: string | null): Promise<string[]> {
  return applied(await migrator(db).migrateTo(name ?? NO_MIGRATIONS));
}
