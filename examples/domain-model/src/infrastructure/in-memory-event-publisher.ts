import type { EventPublisher, PublishedEventLog } from "../application/ports/event-publisher.port.ts";
import type { DomainEvent } from "../domain/domain-event.ts";

/** Stands in for a message broker: "publishing" appends to a list that GET /events shows. */
export class InMemoryEventPublisher implements EventPublisher, PublishedEventLog {
  private readonly published: DomainEvent[] = [];

  async publish(events: readonly DomainEvent[]): Promise<void> {
    this.published.push(...events);
  }

  async list(): Promise<readonly DomainEvent[]> {
    return [...this.published];
  }
}
