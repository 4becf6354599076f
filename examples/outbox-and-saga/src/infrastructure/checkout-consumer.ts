import type { PGlite } from "@electric-sql/pglite";
import type { OrderPlacedV1 } from "../application/integration-events.ts";
import type { Clock } from "../application/ports/clock.port.ts";
import {
  UnprocessableMessageError,
  type Consumer,
  type MessageBroker,
} from "../application/ports/message-broker.port.ts";
import { startCheckout } from "../application/start-checkout.ts";
import { InvalidEventError, parseIntegrationEvent } from "./event-schemas.ts";
import { withInbox } from "./postgres/inbox.ts";
import { PostgresSagaStore } from "./postgres/postgres-saga.store.ts";

/** The queue checkout consumes; one durable queue per consumer and event type. */
export const CHECKOUT_QUEUE = "checkout.order-placed";

/** Subscribes checkout to `order.placed`: each new order gets one saga, however often the message arrives. */
export function subscribeCheckout(deps: { db: PGlite; broker: MessageBroker; clock: Clock }): Promise<Consumer> {
  const start = withInbox<OrderPlacedV1>(deps.db, deps.clock, "checkout", (tx, event) =>
    startCheckout(new PostgresSagaStore(tx), event, deps.clock.now()).then(() => undefined),
  );
  return deps.broker.subscribe({
    queue: CHECKOUT_QUEUE,
    eventTypes: ["order.placed"],
    handler: async (message) => {
      let event;
      try {
        event = parseIntegrationEvent(message);
      } catch (error) {
        if (error instanceof InvalidEventError) throw new UnprocessableMessageError(error.message, { cause: error });
        throw error;
      }
      if (event.type !== "order.placed") throw new UnprocessableMessageError(`checkout does not handle ${event.type}`);
      await start(event);
    },
  });
}
