import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { OrderId } from "../../src/domain/identifiers.ts";
import { decodeOrderCursor, encodeOrderCursor } from "../../src/presentation/order-cursor.ts";

describe("the order cursor", () => {
  it("round-trips a position through URL-safe text", () => {
    const position = { createdAt: new Date("2026-01-06T10:30:00.000Z"), id: OrderId.of("o-2/β") };
    const cursor = encodeOrderCursor(position);
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeOrderCursor(cursor), position);
  });

  it("rejects text it did not issue", () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const cursor of [
      "not a cursor!",
      "abc",
      encode(["2026-01-01T00:00:00.000Z", "o-1"]),
      encode({ createdAt: "2026-01-01", id: "o-1" }),
      encode({ createdAt: "2026-01-01T00:00:00.000Z", id: "" }),
      encode({ createdAt: "2026-01-01T00:00:00.000Z" }),
    ]) {
      assert.equal(decodeOrderCursor(cursor), undefined, cursor);
    }
  });
});
