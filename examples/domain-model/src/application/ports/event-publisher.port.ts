import type { DomainEvent } from "../../domain/domain-event.ts";

/** Sends domain events to whoever listens (a message broker in production). */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<void>;
}

/** Read side of a publisher that keeps what it sent, so the example can show it. */
export interface PublishedEventLog {
  list(): Promise<readonly DomainEvent[]>;
}
