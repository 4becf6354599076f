import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  allowedOrigin,
  corsAllowList,
  corsOriginsFromEnv,
} from "../../src/presentation/middleware/security-headers.ts";

describe("CORS configuration", () => {
  it("refuses * (credentials are allowed, so every site could call the API as the user)", () => {
    assert.throws(() => corsAllowList(corsOriginsFromEnv("https://shop.example, *")), /CORS_ORIGINS lists \*/);
  });

  // Checked on the policy rather than through a preflight request: a browser's Request drops the Origin header
  // (a forbidden header name), so the suite could not send one in the guide's in-browser runtime.
  it("allows CORS only for the listed origins, answering with the origin itself", () => {
    const decide = allowedOrigin(["https://shop.example"]);
    assert.equal(decide("https://shop.example"), "https://shop.example");
    assert.equal(decide("https://evil.example"), null);
    assert.equal(decide("null"), null);
  });

  it("reads a comma-separated list and defaults to no origin at all", () => {
    assert.deepEqual(corsOriginsFromEnv(" https://a.example ,https://b.example"), [
      "https://a.example",
      "https://b.example",
    ]);
    assert.deepEqual(corsOriginsFromEnv(undefined), []);
  });
});
