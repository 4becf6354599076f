import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type ConsumeMessage } from "amqplib";
import type { EventEnvelope } from "../../application/integration-events.ts";
import {
  MessageRefusedError,
  UnprocessableMessageError,
  type Consumer,
  type MessageBroker,
  type Subscription,
} from "../../application/ports/message-broker.port.ts";

const EXCHANGE = "shop.events";
const DEAD_LETTER_EXCHANGE = "shop.dead-letters";
const DEFAULT_DELIVERY_LIMIT = 5;
/** Unacknowledged messages a consumer holds at once: enough to keep it busy, few enough to share the work. */
const PREFETCH = 10;

const deadLetterQueueOf = (queue: string) => `${queue}.dead-letters`;

/**
 * The broker port on RabbitMQ (amqplib). main.ts loads this file with a dynamic import() only when
 * AMQP_URL is set, so amqplib never reaches a runtime that has no RabbitMQ.
 * - Publishing: a durable topic exchange, routing key = event type, persistent messages, and a
 *   publisher confirm per message: publish resolves only once the broker has the message.
 * - Consuming: one durable quorum queue per consumer, manual acknowledgements; a failed message is
 *   requeued until `x-delivery-limit`, then dead-lettered with `x-dead-letter-strategy:
 *   at-least-once` (which needs `x-overflow: reject-publish`: a full queue refuses new messages
 *   instead of dropping old ones, and the publisher's confirm says so).
 */
export class RabbitMqBroker implements MessageBroker {
  private readonly connection: ChannelModel;
  private readonly channel: ConfirmChannel;

  private constructor(connection: ChannelModel, channel: ConfirmChannel) {
    this.connection = connection;
    this.channel = channel;
  }

  static async connect(url: string): Promise<RabbitMqBroker> {
    const connection = await amqp.connect(url);
    const channel = await connection.createConfirmChannel();
    await channel.assertExchange(EXCHANGE, "topic", { durable: true });
    await channel.assertExchange(DEAD_LETTER_EXCHANGE, "direct", { durable: true });
    return new RabbitMqBroker(connection, channel);
  }

  publish(message: EventEnvelope): Promise<void> {
    return new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(message));
      const options = { persistent: true, contentType: "application/json", messageId: message.id, type: message.type };
      // The callback is the publisher confirm for this one message: an error means the broker refused it.
      this.channel.publish(EXCHANGE, message.type, body, options, (error: unknown) => {
        if (error) reject(new MessageRefusedError(`RabbitMQ refused ${message.type} ${message.id}`));
        else resolve();
      });
    });
  }

  async subscribe(subscription: Subscription): Promise<Consumer> {
    // Each consumer gets its own channel: closing it (a crash) hands its unacknowledged messages back.
    const channel = await this.connection.createChannel();
    await channel.prefetch(PREFETCH);
    await this.declareQueue(channel, subscription);
    await channel.consume(subscription.queue, (message) => void this.handle(channel, subscription, message), {
      noAck: false,
    });
    return { stop: () => closeQuietly(channel) };
  }

  async watchDeadLetters(queue: string, handler: (message: unknown) => Promise<void>): Promise<Consumer> {
    const channel = await this.connection.createChannel();
    await this.declareDeadLetterQueue(channel, queue);
    await channel.consume(
      deadLetterQueueOf(queue),
      (message) => {
        if (message === null) return;
        handler(bodyOrText(message)).then(
          () => channel.ack(message),
          () => channel.nack(message, false, true),
        );
      },
      { noAck: false },
    );
    return { stop: () => closeQuietly(channel) };
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private async declareQueue(channel: Channel, subscription: Subscription): Promise<void> {
    await this.declareDeadLetterQueue(channel, subscription.queue);
    const maxLength = subscription.maxLength === undefined ? {} : { "x-max-length": subscription.maxLength };
    await channel.assertQueue(subscription.queue, {
      durable: true,
      arguments: {
        "x-queue-type": "quorum",
        "x-delivery-limit": subscription.deliveryLimit ?? DEFAULT_DELIVERY_LIMIT,
        "x-dead-letter-exchange": DEAD_LETTER_EXCHANGE,
        "x-dead-letter-routing-key": subscription.queue,
        "x-dead-letter-strategy": "at-least-once",
        "x-overflow": "reject-publish",
        ...maxLength,
      },
    });
    for (const type of subscription.eventTypes) await channel.bindQueue(subscription.queue, EXCHANGE, type);
  }

  private async declareDeadLetterQueue(channel: Channel, queue: string): Promise<void> {
    await channel.assertQueue(deadLetterQueueOf(queue), { durable: true, arguments: { "x-queue-type": "quorum" } });
    await channel.bindQueue(deadLetterQueueOf(queue), DEAD_LETTER_EXCHANGE, queue);
  }

  private async handle(channel: Channel, subscription: Subscription, message: ConsumeMessage | null): Promise<void> {
    if (message === null) return; // the broker cancelled this consumer, e.g. the queue was deleted
    let outcome: "ack" | "requeue" | "dead-letter";
    try {
      const body = parseBody(message);
      if (typeof body !== "object" || body === null) throw new UnprocessableMessageError("not a JSON event");
      await subscription.handler(body as EventEnvelope, { redelivered: message.fields.redelivered });
      outcome = "ack"; // only now may the broker forget the message
    } catch (error) {
      outcome = error instanceof UnprocessableMessageError ? "dead-letter" : "requeue";
    }
    try {
      if (outcome === "ack") channel.ack(message);
      else channel.nack(message, false, outcome === "requeue");
    } catch {
      // The channel closed while the handler ran (the consumer stopped): RabbitMQ redelivers the message.
    }
  }
}

function parseBody(message: ConsumeMessage): unknown {
  try {
    return JSON.parse(message.content.toString("utf8"));
  } catch {
    throw new UnprocessableMessageError("the body is not JSON");
  }
}

/** A dead letter may be the very body that could not be parsed: hand it over as text then. */
function bodyOrText(message: ConsumeMessage): unknown {
  try {
    return parseBody(message);
  } catch {
    return message.content.toString("utf8");
  }
}

async function closeQuietly(channel: Channel): Promise<void> {
  try {
    await channel.close();
  } catch {
    // already closed with its connection
  }
}
