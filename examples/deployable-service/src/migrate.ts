/**
 * `node src/migrate.ts`: the program of the migration Job (deploy/k8s/migration-job.yaml), run once per
 * release before the rollout, from the same image as the service. Exits 0 when the schema is current.
 */
import { parseConfig } from "./config.ts";
import { applyMigrations } from "./infrastructure/postgres/migrations.ts";

async function migrate(): Promise<void> {
  const { DATABASE_URL: url } = parseConfig(process.env);
  if (url === undefined) throw new Error("DATABASE_URL is not set: the migration Job needs the database to migrate");
  // Loaded only here: the service itself keeps its orders in memory and never needs the driver.
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await applyMigrations(client);
    console.log(applied.length === 0 ? "schema is current" : `applied ${applied.join(", ")}`);
  } finally {
    await client.end();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
