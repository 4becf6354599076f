import type { IntegrationEvent } from "../integration-events.ts";

/**
 * The transactional outbox, as a use case sees it: adding an event only records it, in the same
 * transaction as the change it describes. A relay publishes it later, once that transaction committed.
 */
export interface Outbox {
  add(event: IntegrationEvent): Promise<void>;
}
