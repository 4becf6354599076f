import type {
  IdempotencyClaim,
  IdempotencyStore,
  StoredResponse,
} from "../application/ports/idempotency-store.port.ts";

/** What this adapter needs of a Postgres client: PGlite and node-postgres's `Pool` both have it. */
export type SqlClient = {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
};

type KeyRow = {
  fingerprint: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
};

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    key         text PRIMARY KEY,
    fingerprint text NOT NULL,
    status      integer,
    headers     jsonb,
    body        text,
    expires_at  timestamptz NOT NULL
  )`;

/**
 * Idempotency keys in a Postgres table, shared by every instance of the service. The claim is one
 * `INSERT … ON CONFLICT DO NOTHING`: of two racing requests with the same key, exactly one inserts the row.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  readonly #db: SqlClient;
  readonly #ttlMs: number;

  private constructor(db: SqlClient, ttlMs: number) {
    this.#db = db;
    this.#ttlMs = ttlMs;
  }

  /** Creates the table if it is missing; a real service would ship it as a migration. */
  static async create(db: SqlClient, options: { ttlMs?: number } = {}): Promise<PostgresIdempotencyStore> {
    await db.query(CREATE_TABLE);
    return new PostgresIdempotencyStore(db, options.ttlMs ?? 24 * 60 * 60 * 1000);
  }

  async begin(key: string, fingerprint: string, now: Date): Promise<IdempotencyClaim> {
    await this.#db.query("DELETE FROM idempotency_keys WHERE key = $1 AND expires_at <= $2", [key, now]);
    const inserted = await this.#db.query<{ key: string }>(
      `INSERT INTO idempotency_keys (key, fingerprint, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, fingerprint, new Date(now.getTime() + this.#ttlMs)],
    );
    if (inserted.rows.length === 1) return { kind: "claimed" };
    const { rows } = await this.#db.query<KeyRow>(
      "SELECT fingerprint, status, headers, body FROM idempotency_keys WHERE key = $1",
      [key],
    );
    const row = rows[0];
    // The row vanished between the two statements (released or expired): another request owns the key now.
    if (row === undefined) return { kind: "in-flight" };
    if (row.fingerprint !== fingerprint) return { kind: "mismatch" };
    if (row.status === null) return { kind: "in-flight" };
    return { kind: "completed", response: { status: row.status, headers: row.headers ?? {}, body: row.body ?? "" } };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    await this.#db.query("UPDATE idempotency_keys SET status = $2, headers = $3, body = $4 WHERE key = $1", [
      key,
      response.status,
      JSON.stringify(response.headers),
      response.body,
    ]);
  }

  async release(key: string): Promise<void> {
    await this.#db.query("DELETE FROM idempotency_keys WHERE key = $1", [key]);
  }
}
