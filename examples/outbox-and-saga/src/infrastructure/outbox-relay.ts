import type { PGlite } from "@electric-sql/pglite";
import type { Clock } from "../application/ports/clock.port.ts";
import type { MessageBroker } from "../application/ports/message-broker.port.ts";
import { InvalidEventError, parseIntegrationEvent } from "./event-schemas.ts";
import { runQuery } from "./postgres/sql-client.ts";

type ClaimedRow = { position: string; payload: unknown };

/** What one run of the relay did. */
export type RelayRun = { readonly sent: number; readonly parked: number };

/** Relay settings: rows per batch, and how long a claim keeps other relays off a row. */
export type RelayOptions = { readonly batchSize?: number; readonly leaseMs?: number };

/**
 * Publishes the outbox, oldest first, at least once.
 * 1. Claim a batch: one short transaction sets a lease on pending rows nobody else holds. `FOR UPDATE
 *    SKIP LOCKED` lets several relays claim at the same moment without waiting on or taking each
 *    other's rows; the lease keeps them off the rows afterwards, while this relay publishes outside
 *    any transaction (never hold a database transaction open across network calls).
 * 2. Publish each row and wait for the broker's confirm, then mark it sent. A crash between the two
 *    leaves the row pending: once the lease expires it is published again, and the consumer's inbox
 *    drops the duplicate. Nothing is lost.
 * 3. A row that can never be published (unknown type, payload that breaks its schema) is parked
 *    with the reason, for a person, instead of blocking or being retried forever; later rows still go.
 */
export class OutboxRelay {
  private readonly db: PGlite;
  private readonly broker: MessageBroker;
  private readonly clock: Clock;
  private readonly batchSize: number;
  private readonly leaseMs: number;

  constructor(deps: { db: PGlite; broker: MessageBroker; clock: Clock }, options: RelayOptions = {}) {
    this.db = deps.db;
    this.broker = deps.broker;
    this.clock = deps.clock;
    this.batchSize = options.batchSize ?? 50;
    this.leaseMs = options.leaseMs ?? 30_000;
  }

  /** Claims and publishes one batch. Rejects if the broker fails; the unsent rows are retried after their lease. */
  async runOnce(): Promise<RelayRun> {
    let sent = 0;
    let parked = 0;
    for (const row of await this.claimBatch()) {
      let event;
      try {
        event = parseIntegrationEvent(row.payload);
      } catch (error) {
        if (!(error instanceof InvalidEventError)) throw error;
        await this.park(row.position, error.message);
        parked += 1;
        continue;
      }
      await this.broker.publish(event); // resolves on the broker's confirm
      await runQuery(
        this.db,
        "UPDATE outbox SET status = 'sent', sent_at = $2, claimed_until = NULL WHERE position = $1",
        [row.position, this.clock.now()],
      );
      sent += 1;
    }
    return { sent, parked };
  }

  private async claimBatch(): Promise<ClaimedRow[]> {
    const now = this.clock.now();
    const { rows } = await runQuery<ClaimedRow>(
      this.db,
      `UPDATE outbox SET claimed_until = $1
        WHERE position IN (
          SELECT position FROM outbox
           WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < $2)
           ORDER BY position
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
        RETURNING position, payload`,
      [new Date(now.getTime() + this.leaseMs), now, this.batchSize],
    );
    return rows.sort((a, b) => Number(a.position) - Number(b.position));
  }

  private async park(position: string, reason: string): Promise<void> {
    await runQuery(
      this.db,
      "UPDATE outbox SET status = 'parked', parked_reason = $2, claimed_until = NULL WHERE position = $1",
      [position, reason],
    );
  }
}
