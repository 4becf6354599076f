import type { DomainEvent } from "../domain/domain-event.ts";
import type { PublishedEventLog } from "./ports/event-publisher.port.ts";

/** Lists the events published so far, oldest first, so a reader can watch them appear. */
export class ListPublishedEventsUseCase {
  private readonly log: PublishedEventLog;

  constructor(log: PublishedEventLog) {
    this.log = log;
  }

  async execute(): Promise<readonly DomainEvent[]> {
    return this.log.list();
  }
}
