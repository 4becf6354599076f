import type { EventEnvelope } from "../../application/integration-events.ts";
import {
  MessageRefusedError,
  UnprocessableMessageError,
  type Consumer,
  type MessageBroker,
  type MessageHandler,
  type Subscription,
} from "../../application/ports/message-broker.port.ts";

/** A message in a queue, with how often it was delivered. */
type QueuedMessage = { readonly body: string; deliveries: number };

type ConsumerState = { readonly handler: MessageHandler; inFlight: QueuedMessage | undefined; stopped: boolean };

type Queue = {
  readonly eventTypes: Set<string>;
  readonly deliveryLimit: number;
  readonly maxLength: number;
  readonly ready: QueuedMessage[];
  readonly consumers: ConsumerState[];
  readonly deadLetters: unknown[];
  readonly deadLetterWatchers: ((message: unknown) => Promise<void>)[];
};

const DEFAULT_DELIVERY_LIMIT = 5;

/**
 * A stand-in for RabbitMQ, in process, with the semantics the RabbitMQ adapter has: messages are
 * copied through JSON, routed by type to durable queues, delivered one at a time per consumer,
 * acknowledged when the handler resolves, requeued when it rejects or its consumer stops (a crash),
 * and dead-lettered after the delivery limit. It does not hide failures: nothing is lost silently.
 */
export class InProcessBroker implements MessageBroker {
  /** Every message published, in order: what `GET /events` shows. */
  readonly published: EventEnvelope[] = [];
  private readonly queues = new Map<string, Queue>();
  private readonly idleWaiters: (() => void)[] = [];
  private active = 0;

  async publish(message: EventEnvelope): Promise<void> {
    const body = JSON.stringify(message);
    const targets = [...this.queues.values()].filter((queue) => queue.eventTypes.has(message.type));
    const full = targets.find((queue) => queue.ready.length >= queue.maxLength);
    if (full !== undefined) throw new MessageRefusedError(`queue for ${message.type} is full (reject-publish)`);
    this.published.push(JSON.parse(body) as EventEnvelope);
    for (const queue of targets) {
      queue.ready.push({ body, deliveries: 0 });
      this.dispatchSoon(queue);
    }
  }

  async subscribe(subscription: Subscription): Promise<Consumer> {
    const queue = this.declareQueue(subscription);
    const consumer: ConsumerState = { handler: subscription.handler, inFlight: undefined, stopped: false };
    queue.consumers.push(consumer);
    this.dispatchSoon(queue);
    return {
      stop: async () => {
        // Like a channel closing: unacknowledged work goes back to the front of the queue.
        consumer.stopped = true;
        queue.consumers.splice(queue.consumers.indexOf(consumer), 1);
        if (consumer.inFlight !== undefined) queue.ready.unshift(consumer.inFlight);
        consumer.inFlight = undefined;
        this.dispatchSoon(queue);
      },
    };
  }

  async watchDeadLetters(queue: string, handler: (message: unknown) => Promise<void>): Promise<Consumer> {
    const watched = this.declareQueue({ queue, eventTypes: [], handler: async () => undefined });
    watched.deadLetterWatchers.push(handler);
    for (const message of watched.deadLetters.splice(0)) await handler(message);
    return {
      stop: async () => {
        watched.deadLetterWatchers.splice(watched.deadLetterWatchers.indexOf(handler), 1);
      },
    };
  }

  /** Resolves once every queued message that has a consumer has been handled (tests wait on it instead of sleeping). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    for (const queue of this.queues.values()) queue.consumers.length = 0;
  }

  private declareQueue(subscription: Subscription): Queue {
    const existing = this.queues.get(subscription.queue);
    if (existing !== undefined) {
      for (const type of subscription.eventTypes) existing.eventTypes.add(type);
      return existing;
    }
    const queue: Queue = {
      eventTypes: new Set(subscription.eventTypes),
      deliveryLimit: subscription.deliveryLimit ?? DEFAULT_DELIVERY_LIMIT,
      maxLength: subscription.maxLength ?? Number.POSITIVE_INFINITY,
      ready: [],
      consumers: [],
      deadLetters: [],
      deadLetterWatchers: [],
    };
    this.queues.set(subscription.queue, queue);
    return queue;
  }

  /** Delivers on a later turn of the event loop, as a network would: publish never runs a handler itself. */
  private dispatchSoon(queue: Queue): void {
    this.active += 1;
    setImmediate(() => {
      this.active -= 1;
      this.dispatch(queue);
      this.notifyIfIdle();
    });
  }

  private dispatch(queue: Queue): void {
    for (const consumer of queue.consumers) {
      if (consumer.inFlight !== undefined || consumer.stopped) continue;
      const message = queue.ready.shift();
      if (message === undefined) return;
      this.deliver(queue, consumer, message);
    }
  }

  private deliver(queue: Queue, consumer: ConsumerState, message: QueuedMessage): void {
    consumer.inFlight = message;
    message.deliveries += 1;
    this.active += 1;
    const settle = (outcome: "ack" | "requeue" | "dead-letter") => {
      this.active -= 1;
      if (consumer.inFlight !== message) return this.notifyIfIdle(); // consumer stopped: the message was already requeued
      consumer.inFlight = undefined;
      if (outcome === "dead-letter" || (outcome === "requeue" && message.deliveries >= queue.deliveryLimit)) {
        this.deadLetter(queue, message.body);
      } else if (outcome === "requeue") {
        queue.ready.unshift(message);
      }
      this.dispatchSoon(queue);
      this.notifyIfIdle();
    };
    let body: EventEnvelope;
    try {
      body = JSON.parse(message.body) as EventEnvelope;
    } catch {
      return settle("dead-letter"); // not even JSON: no handler can use it
    }
    consumer.handler(body, { redelivered: message.deliveries > 1 }).then(
      () => settle("ack"),
      (error: unknown) => settle(error instanceof UnprocessableMessageError ? "dead-letter" : "requeue"),
    );
  }

  /** Hands the body to the dead-letter watchers, or keeps it until one subscribes (like a durable queue). */
  private deadLetter(queue: Queue, body: string): void {
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      message = body;
    }
    if (queue.deadLetterWatchers.length === 0) queue.deadLetters.push(message);
    for (const watcher of queue.deadLetterWatchers) void watcher(message);
  }

  private isIdle(): boolean {
    if (this.active > 0) return false;
    return [...this.queues.values()].every((queue) => queue.ready.length === 0 || queue.consumers.length === 0);
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
