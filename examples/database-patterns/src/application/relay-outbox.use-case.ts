import type { MessagePublisher, OutboxMessage, OutboxRelayStore } from "./ports/outbox.port.ts";

/** One run of the outbox relay: publish a batch of pending events, each at least once. */
export class RelayOutboxUseCase {
  readonly #store: OutboxRelayStore;
  readonly #publisher: MessagePublisher;

  constructor(store: OutboxRelayStore, publisher: MessagePublisher) {
    this.#store = store;
    this.#publisher = publisher;
  }

  execute(limit: number): Promise<OutboxMessage[]> {
    return this.#store.relayBatch(limit, (message) => this.#publisher.publish(message));
  }
}
