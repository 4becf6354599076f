import { after } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { InMemoryIdempotencyStore } from "../../src/infrastructure/in-memory-idempotency.store.ts";
import { PostgresIdempotencyStore, type SqlClient } from "../../src/infrastructure/postgres-idempotency.store.ts";
import { describeIdempotencyStoreContract } from "./idempotency-store.contract.ts";

// Every test makes a fresh, empty store and uses keys of its own.
describeIdempotencyStoreContract("InMemoryIdempotencyStore", async (ttlMs) => new InMemoryIdempotencyStore({ ttlMs }));

// PGlite is Postgres compiled to WebAssembly: the same SQL as production, in the process, everywhere. It takes
// seconds to start, so the file opens one database; the contract's tests use keys of their own.
let pglite: Promise<PGlite> | undefined;
after(async () => (await pglite)?.close());
describeIdempotencyStoreContract("PostgresIdempotencyStore on PGlite", async (ttlMs) => {
  pglite ??= PGlite.create();
  return PostgresIdempotencyStore.create((await pglite) as unknown as SqlClient, { ttlMs });
});

// A real Postgres where one is configured (CI starts one); node-postgres is an optional dependency.
const databaseUrl = process.env.DATABASE_URL;
const pg = databaseUrl === undefined ? undefined : await import("pg").catch(() => undefined);
const skip =
  databaseUrl === undefined
    ? "DATABASE_URL is not set, so there is no real Postgres to run against"
    : pg === undefined
      ? "the optional dependency pg is not installed"
      : undefined;
describeIdempotencyStoreContract(
  "PostgresIdempotencyStore on a real Postgres",
  async (ttlMs) => {
    const pool = new pg!.default.Pool({ connectionString: databaseUrl });
    after(() => pool.end());
    await pool.query("DROP TABLE IF EXISTS idempotency_keys"); // a fresh table per test
    return PostgresIdempotencyStore.create(pool as unknown as SqlClient, { ttlMs });
  },
  skip,
);
