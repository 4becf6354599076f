import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ExternalAPIError } from "../../src/application/ports/infrastructure-errors.ts";
import { JsonLinesLogger } from "../../src/infrastructure/json-lines.logger.ts";

/** An error as the logger writes it. */
type ErrorJson = {
  name: string;
  message: string;
  stack: string;
  service?: string;
  statusCode?: number | null;
  code?: string;
  cause?: ErrorJson;
};

function capture() {
  const lines: string[] = [];
  const logger = new JsonLinesLogger((line) => lines.push(line));
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe("JsonLinesLogger", () => {
  it("writes one JSON object per line, with time, level and event first", () => {
    const { logger, lines, records } = capture();
    logger.info("order.placed", { orderId: "o-1" });
    logger.warn("cache.unavailable");
    assert.equal(lines.length, 2);
    assert.ok(lines.every((line) => line.endsWith("\n") && !line.slice(0, -1).includes("\n")));
    assert.deepEqual(Object.keys(records()[0] ?? {}), ["time", "level", "event", "orderId"]);
    assert.equal(records()[1]?.level, "warn");
  });

  it("writes an error with its own fields, its stack and its whole cause chain", () => {
    const { logger, records } = capture();
    const socket = Object.assign(new Error("connect ECONNREFUSED 10.0.7.21:443"), { code: "ECONNREFUSED" });
    const fetchFailed = new TypeError("fetch failed", { cause: socket });
    logger.error("request.failed", {
      error: new ExternalAPIError("warehouse", null, "GET /stock failed", { cause: fetchFailed }),
    });

    const error = records()[0]?.error as ErrorJson;
    assert.equal(error.name, "ExternalAPIError");
    assert.equal(error.service, "warehouse");
    assert.equal(error.statusCode, null);
    assert.match(error.stack, /^ExternalAPIError: warehouse: GET \/stock failed\n\s+at /);
    assert.equal(error.cause?.message, "fetch failed");
    assert.deepEqual(
      [error.cause?.cause?.message, error.cause?.cause?.code],
      ["connect ECONNREFUSED 10.0.7.21:443", "ECONNREFUSED"],
    );
  });

  it("adds the context fields to every line logged inside withContext, across awaits", async () => {
    const { logger, records } = capture();
    await logger.withContext({ requestId: "r-1" }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      logger.info("deep.inside");
    });
    logger.info("outside");
    assert.deepEqual(
      records().map((record) => record.requestId),
      ["r-1", undefined],
    );
  });

  it("never throws, even for values JSON cannot hold or an error that is its own cause", () => {
    const { logger, records } = capture();
    const loop = new Error("loop");
    loop.cause = loop;
    logger.error("weird", { big: 10n });
    logger.error("loop", { error: loop });
    assert.match(String(records()[0]?.logFailure), /BigInt/);
    assert.equal((records()[1]?.error as { cause: string }).cause, "[circular Error]");
  });
});
