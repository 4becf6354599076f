import type { SagaStore } from "../../application/ports/saga.store.port.ts";
import { ConcurrencyConflictError } from "../../application/ports/storage-errors.ts";
import type { SagaState } from "../../application/saga.ts";
import { runQuery, type SqlClient } from "./sql-client.ts";

type SagaRow = { state: Omit<SagaState, "version">; version: number };

const toState = (row: SagaRow): SagaState => ({ ...row.state, version: row.version });

/** Saga state in Postgres: the whole state as JSON, with its status and due time in columns to query on. */
export class PostgresSagaStore implements SagaStore {
  private readonly client: SqlClient;

  constructor(client: SqlClient) {
    this.client = client;
  }

  async create(state: SagaState): Promise<void> {
    await runQuery(
      this.client,
      `INSERT INTO sagas (id, order_id, status, state, next_attempt_at, created_at, version)
       VALUES ($1, $2, $3, $4, $5, $5, 1)`,
      [state.id, state.input.orderId, state.status, stateJson(state), state.nextAttemptAt],
    );
    state.version = 1;
  }

  async save(state: SagaState): Promise<void> {
    // One statement, guarded by the version read: a worker holding an older copy changes nothing.
    const result = await runQuery(
      this.client,
      `UPDATE sagas SET status = $2, state = $3, next_attempt_at = $4, version = version + 1
        WHERE id = $1 AND version = $5`,
      [state.id, state.status, stateJson(state), state.nextAttemptAt, state.version],
    );
    if (result.affectedRows !== 1) {
      throw new ConcurrencyConflictError("Saga", state.id, state.version);
    }
    state.version += 1;
  }

  async findById(id: string): Promise<SagaState | undefined> {
    const { rows } = await runQuery<SagaRow>(this.client, "SELECT state, version FROM sagas WHERE id = $1", [id]);
    return rows[0] === undefined ? undefined : toState(rows[0]);
  }

  async due(now: Date, limit: number): Promise<SagaState[]> {
    const { rows } = await runQuery<SagaRow>(
      this.client,
      `SELECT state, version FROM sagas
        WHERE status IN ('started', 'compensating') AND next_attempt_at <= $1
        ORDER BY next_attempt_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toState);
  }

  async list(): Promise<SagaState[]> {
    const { rows } = await runQuery<SagaRow>(
      this.client,
      "SELECT state, version FROM sagas ORDER BY created_at DESC, id",
    );
    return rows.map(toState);
  }
}

/** The state without its version (the version lives in its own column). */
function stateJson(state: SagaState): string {
  const { version: _version, ...rest } = state;
  return JSON.stringify(rest);
}
