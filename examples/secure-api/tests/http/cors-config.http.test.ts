import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { corsAllowList, corsOriginsFromEnv } from "../../src/presentation/middleware/security-headers.ts";

describe("CORS configuration", () => {
  it("refuses * (credentials are allowed, so every site could call the API as the user)", () => {
    assert.throws(() => corsAllowList(corsOriginsFromEnv("https://shop.example, *")), /CORS_ORIGINS lists \*/);
  });

  it("reads a comma-separated list and defaults to no origin at all", () => {
    assert.deepEqual(corsOriginsFromEnv(" https://a.example ,https://b.example"), [
      "https://a.example",
      "https://b.example",
    ]);
    assert.deepEqual(corsOriginsFromEnv(undefined), []);
  });
});
