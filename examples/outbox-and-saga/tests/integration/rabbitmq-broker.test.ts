import { describe, test } from "node:test";
import { describeBrokerContract } from "../contract/broker.contract.ts";
import { realServer } from "./real-server.ts";

// The same contract against a real RabbitMQ, when one is configured (CI starts one and exports
// AMQP_URL). amqplib is imported only then, exactly as main.ts does, so this file runs anywhere.
const rabbitMq = realServer("AMQP_URL", "a RabbitMQ server");

if (rabbitMq.url !== undefined) {
  const url = rabbitMq.url;
  const { RabbitMqBroker } = await import("../../src/infrastructure/rabbitmq/rabbitmq-broker.ts");
  describeBrokerContract(`RabbitMQ at ${url.replace(/\/\/[^@]*@/, "//")}`, () => RabbitMqBroker.connect(url));
} else {
  describe("broker contract: RabbitMQ", () => {
    test("runs against a real broker", { skip: rabbitMq.skip }, () => undefined);
  });
}
