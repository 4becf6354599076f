import type { EventEnvelope } from "../integration-events.ts";

/** How a message reached a consumer: `redelivered` is true when an earlier delivery was not acknowledged. */
export type Delivery = { readonly redelivered: boolean };

/**
 * Handles one message. Resolving acknowledges it (the broker forgets it); rejecting returns it to
 * the queue for another try, until the queue's delivery limit sends it to the dead letters.
 */
export type MessageHandler = (message: EventEnvelope, delivery: Delivery) => Promise<void>;

/** Throw this from a handler for a message that no retry can help (not an event, bad payload): it is dead-lettered at once. */
export class UnprocessableMessageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "UnprocessableMessageError";
  }
}

/** The broker refused a message (for example its queue is full): publish rejects, and the outbox keeps the row. */
export class MessageRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MessageRefusedError";
  }
}

/** A consumer's durable queue: its name, the event types bound to it, and its handler. */
export type Subscription = {
  readonly queue: string;
  readonly eventTypes: readonly string[];
  readonly handler: MessageHandler;
  /** Deliveries a message gets before it is dead-lettered to `<queue>.dead-letters` (default 5). */
  readonly deliveryLimit?: number;
  /** Ready messages the queue holds before it refuses new ones (no limit by default). */
  readonly maxLength?: number;
};

/** A running consumer. Stopping it unacknowledged is what a crash does: its in-flight messages go back to the queue. */
export interface Consumer {
  stop(): Promise<void>;
}

/**
 * Publishes events to a topic exchange (routing key = event type) and delivers them to durable
 * queues, at least once: a consumer must expect the same message id twice.
 */
export interface MessageBroker {
  /** Resolves only once the broker has taken the message (publisher confirm); rejects if it refused it. */
  publish(message: EventEnvelope): Promise<void>;
  subscribe(subscription: Subscription): Promise<Consumer>;
  /** Consumes `<queue>.dead-letters`: the messages that queue gave up on, for an operator or an alert. */
  watchDeadLetters(queue: string, handler: (message: unknown) => Promise<void>): Promise<Consumer>;
  close(): Promise<void>;
}
