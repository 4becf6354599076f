import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseConfig } from "../../src/config.ts";
import { readYaml } from "./deploy-files.ts";

type Service = {
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: unknown };
  stop_grace_period?: string;
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
};
const services = readYaml("compose.yaml")["services"] as Record<string, Service>;
const app = services["app"] ?? {};

describe("compose.yaml", () => {
  it("runs the app with Postgres, Redis and RabbitMQ, and the app's URLs name those services", () => {
    const config = parseConfig(app.environment ?? {});
    assert.equal(new URL(config.DATABASE_URL ?? "").hostname, "postgres");
    assert.equal(new URL(config.REDIS_URL ?? "").hostname, "redis");
    assert.equal(new URL(config.AMQP_URL ?? "").hostname, "rabbitmq");
  });

  it("starts the app only once every server it depends on reports healthy", () => {
    const dependsOn = Object.entries(app.depends_on ?? {});
    assert.deepEqual(dependsOn.map(([name]) => name).sort(), ["postgres", "rabbitmq", "redis"]);
    for (const [name, condition] of dependsOn) {
      assert.equal(condition.condition, "service_healthy", `${name}: wait for health, not just for start`);
      assert.ok(services[name]?.healthcheck?.test !== undefined, `${name} has a healthcheck`);
    }
  });

  it("gives the app resource limits and a stop grace period longer than drain + shutdown timeout", () => {
    assert.ok(app.deploy?.resources?.limits?.cpus && app.deploy.resources.limits.memory, "cpu and memory limits");
    const config = parseConfig(app.environment ?? {});
    const grace = Number(/^(\d+)s$/.exec(app.stop_grace_period ?? "")?.[1] ?? 10);
    assert.ok(grace * 1000 >= config.DRAIN_DELAY_MS + config.SHUTDOWN_TIMEOUT_MS, `stop_grace_period ${grace}s`);
  });
});
