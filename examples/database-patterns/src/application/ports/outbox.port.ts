/** One event waiting in the outbox table to be published. */
export type OutboxMessage = { readonly id: string; readonly type: string; readonly payload: unknown };

/** Where published messages go: a broker in production, an in-process list here. */
export interface MessagePublisher {
  publish(message: OutboxMessage): Promise<void>;
}

/** The outbox as a work queue. */
export interface OutboxRelayStore {
  /**
   * In one transaction: claims up to `limit` unpublished messages that no other relay holds
   * (`FOR UPDATE SKIP LOCKED`), hands each to `publish`, marks them published, commits.
   * Two relays running at once get disjoint batches; a message whose publish throws stays unpublished.
   */
  relayBatch(limit: number, publish: (message: OutboxMessage) => Promise<void>): Promise<OutboxMessage[]>;
}
