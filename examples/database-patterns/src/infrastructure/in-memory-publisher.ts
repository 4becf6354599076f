import type { MessagePublisher, OutboxMessage } from "../application/ports/outbox.port.ts";

/** Stands in for a broker: keeps what was published, in order, so GET /outbox/published can show it. */
export class InMemoryPublisher implements MessagePublisher {
  readonly published: OutboxMessage[] = [];

  async publish(message: OutboxMessage): Promise<void> {
    this.published.push(message);
  }
}
