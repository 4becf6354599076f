import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import type { EventEnvelope } from "../../src/application/integration-events.ts";
import {
  MessageRefusedError,
  UnprocessableMessageError,
  type MessageBroker,
} from "../../src/application/ports/message-broker.port.ts";

/** A promise and the function that resolves it. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

let counter = 0;
/** A queue name no earlier run used, so a real broker's leftover queues never interfere. */
const uniqueQueue = (name: string) => `contract.${name}.${process.pid}.${Date.now()}.${(counter += 1)}`;

const message = (type: string, label: string): EventEnvelope & { label: string } => ({
  type,
  version: 1,
  id: crypto.randomUUID(),
  occurredAt: new Date().toISOString(),
  label,
});

/**
 * What every MessageBroker adapter must do, run against the in-process stand-in always and against
 * RabbitMQ when AMQP_URL is set. No sleeps: each test waits for the delivery it expects.
 */
export function describeBrokerContract(name: string, open: () => Promise<MessageBroker>): void {
  describe(`broker contract: ${name}`, () => {
    const opened: MessageBroker[] = [];
    const broker = async () => {
      const instance = await open();
      opened.push(instance);
      return instance;
    };
    after(async () => {
      for (const instance of opened) await instance.close();
    });

    test("publisher confirms: publish resolves once the broker has the message, and a subscriber gets it once", async () => {
      const bus = await broker();
      const type = uniqueQueue("confirm-type");
      const received = deferred<{ label: unknown; redelivered: boolean }>();
      await bus.subscribe({
        queue: uniqueQueue("confirm"),
        eventTypes: [type],
        handler: async (body, delivery) =>
          received.resolve({ label: (body as { label?: unknown }).label, redelivered: delivery.redelivered }),
      });
      await bus.publish(message(type, "first"));
      assert.deepEqual(await received.promise, { label: "first", redelivered: false });
    });

    test("publisher confirms: a full queue (reject-publish) refuses the message and publish rejects", async () => {
      const bus = await broker();
      const type = uniqueQueue("full-type");
      const consumer = await bus.subscribe({
        queue: uniqueQueue("full"),
        eventTypes: [type],
        handler: async () => undefined,
        maxLength: 1,
      });
      await consumer.stop(); // the durable queue stays, with nobody reading it
      await bus.publish(message(type, "fits"));
      // RabbitMQ's quorum queues enforce the limit approximately (a publish or so late), so allow a few.
      const outcomes: string[] = [];
      for (let attempt = 0; attempt < 3 && !outcomes.includes("refused"); attempt += 1) {
        outcomes.push(
          await bus.publish(message(type, "one too many")).then(
            () => "accepted",
            (error: unknown) => (error instanceof MessageRefusedError ? "refused" : String(error)),
          ),
        );
      }
      assert.equal(outcomes.at(-1), "refused", `publishes past the limit: ${outcomes.join(", ")}`);
    });

    test("acknowledgements and redelivery: after a consumer crash only its unacknowledged message comes back, marked redelivered", async () => {
      const bus = await broker();
      const type = uniqueQueue("crash-type");
      const queue = uniqueQueue("crash");
      const firstSeen = deferred();
      const secondSeen = deferred();
      const crashed = await bus.subscribe({
        queue,
        eventTypes: [type],
        handler: async (body) => {
          if ((body as { label?: unknown }).label === "acked") return firstSeen.resolve(); // resolves: acknowledged
          secondSeen.resolve();
          await new Promise(() => undefined); // never finishes: the process "dies" holding it
        },
      });
      await bus.publish(message(type, "acked"));
      await firstSeen.promise;
      await bus.publish(message(type, "in flight"));
      await secondSeen.promise;
      await crashed.stop();

      const seenByNext: { label: unknown; redelivered: boolean }[] = [];
      const sentinelSeen = deferred();
      await bus.subscribe({
        queue,
        eventTypes: [type],
        handler: async (body, delivery) => {
          const label = (body as { label?: unknown }).label;
          seenByNext.push({ label, redelivered: delivery.redelivered });
          if (label === "sentinel") sentinelSeen.resolve();
        },
      });
      await bus.publish(message(type, "sentinel"));
      await sentinelSeen.promise;
      assert.deepEqual(seenByNext, [
        { label: "in flight", redelivered: true },
        { label: "sentinel", redelivered: false },
      ]);
    });

    test("dead-lettering: a message that keeps failing is redelivered, then dead-lettered at the delivery limit", async () => {
      const bus = await broker();
      const type = uniqueQueue("poison-type");
      const queue = uniqueQueue("failing");
      let deliveries = 0;
      await bus.subscribe({
        queue,
        eventTypes: [type],
        deliveryLimit: 2,
        handler: async () => {
          deliveries += 1;
          throw new Error("downstream is broken");
        },
      });
      const deadLetter = deferred<unknown>();
      await bus.watchDeadLetters(queue, async (body) => deadLetter.resolve(body));
      await bus.publish(message(type, "doomed"));
      assert.equal(((await deadLetter.promise) as { label?: unknown }).label, "doomed");
      assert.ok(deliveries >= 2, `delivered ${deliveries} time(s) before dead-lettering; expected a retry first`);
    });

    test("dead-lettering: an unprocessable message goes to the dead letters at once, without retries", async () => {
      const bus = await broker();
      const type = uniqueQueue("bad-type");
      const queue = uniqueQueue("unprocessable");
      let deliveries = 0;
      await bus.subscribe({
        queue,
        eventTypes: [type],
        handler: async () => {
          deliveries += 1;
          throw new UnprocessableMessageError("payload breaks its schema");
        },
      });
      const deadLetter = deferred<unknown>();
      await bus.watchDeadLetters(queue, async (body) => deadLetter.resolve(body));
      await bus.publish(message(type, "malformed"));
      assert.equal(((await deadLetter.promise) as { label?: unknown }).label, "malformed");
      assert.equal(deliveries, 1);
    });
  });
}
