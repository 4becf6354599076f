import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseConfig } from "../../src/config.ts";

describe("configuration", () => {
  it("starts with defaults from an empty environment", () => {
    const config = parseConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.DRAIN_DELAY_MS, 0);
    assert.equal(config.SHUTDOWN_TIMEOUT_MS, 10_000);
    assert.equal(config.DATABASE_URL, undefined);
  });

  it("reads numbers from strings and treats an empty variable as unset", () => {
    const config = parseConfig({ PORT: "8080", DRAIN_DELAY_MS: "5000", SHUTDOWN_TIMEOUT_MS: "" });
    assert.equal(config.PORT, 8080);
    assert.equal(config.DRAIN_DELAY_MS, 5000);
    assert.equal(config.SHUTDOWN_TIMEOUT_MS, 10_000);
  });

  it("lists every bad variable in one error, not only the first", () => {
    const error = captureConfigError({ PORT: "eighty", DRAIN_DELAY_MS: "-1", REDIS_URL: "localhost:6379" });
    assert.deepEqual(error.problems, [
      "PORT: must be a whole number from 0 to 65535",
      "DRAIN_DELAY_MS: must be a whole number from 0 to 60000",
      "REDIS_URL: must be a URL like redis://host:6379",
    ]);
    assert.match(error.message, /^Invalid configuration \(3 problems\):/);
  });

  it("never repeats a URL's value in the message: it may hold a password", () => {
    const error = captureConfigError({ DATABASE_URL: "mysql://shop:hunter2@db/shop" });
    assert.doesNotMatch(error.message, /hunter2/);
    assert.match(error.message, /DATABASE_URL: must be a URL like postgres:/);
  });
});

function captureConfigError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  assert.fail("parseConfig accepted a bad environment");
}
