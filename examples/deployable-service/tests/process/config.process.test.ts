import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { childProcessUnavailable, startProgram } from "../support/child-process.ts";

const skip = childProcessUnavailable();

describe("node src/main.ts with a bad environment", () => {
  it("exits 1 before listening, naming every bad variable in one message", { skip }, async () => {
    const program = startProgram({ PORT: "eighty", SHUTDOWN_TIMEOUT_MS: "soon", AMQP_URL: "rabbitmq:5672" });
    const { code } = await program.exited;
    assert.equal(code, 1);
    const output = program.output();
    assert.match(output, /Invalid configuration \(3 problems\)/);
    assert.match(output, /PORT: must be a whole number from 0 to 65535/);
    assert.match(output, /SHUTDOWN_TIMEOUT_MS: must be a whole number from 100 to 120000/);
    assert.match(output, /AMQP_URL: must be a URL like amqp:/);
    assert.doesNotMatch(output, /listening on/);
  });
});
