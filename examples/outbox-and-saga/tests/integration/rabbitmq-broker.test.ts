import { describe, test } from "node:test";
import { describeBrokerContract } from "../contract/broker.contract.ts";

// The same contract against a real RabbitMQ, when one is configured (CI starts one and exports
// AMQP_URL). amqplib is imported only then, exactly as main.ts does, so this file runs anywhere.
const amqpUrl = process.env.AMQP_URL;

if (amqpUrl) {
  const { RabbitMqBroker } = await import("../../src/infrastructure/rabbitmq/rabbitmq-broker.ts");
  describeBrokerContract(`RabbitMQ at ${amqpUrl.replace(/\/\/[^@]*@/, "//")}`, () => RabbitMqBroker.connect(amqpUrl));
} else {
  describe("broker contract: RabbitMQ", () => {
    test("runs against a real broker", { skip: "AMQP_URL is not set: no RabbitMQ to test against" }, () => undefined);
  });
}
