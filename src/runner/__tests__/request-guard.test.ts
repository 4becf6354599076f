/** The guard's address and header rules, including what a real socket test cannot fake (a non-loopback peer). */
import { describe, expect, it } from "vitest";
import { assertOwnRequest, isLoopbackAddress } from "../request-guard.ts";

const own = { remoteAddress: "127.0.0.1", localPort: 4321, headers: { host: "localhost:4321" } };

describe("request guard", () => {
  it("knows loopback addresses, IPv4-mapped ones included", () => {
    expect(["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"].every(isLoopbackAddress)).toBe(true);
    expect(["192.168.1.5", "::ffff:10.0.0.1", "fe80::1", "0.0.0.0", undefined].some(isLoopbackAddress)).toBe(false);
  });

  it("refuses a peer that is not on this machine even with an own Host", () => {
    expect(() => assertOwnRequest({ ...own, remoteAddress: "192.168.1.5" })).toThrow(
      /only answers requests from this machine/,
    );
  });

  it("accepts the guide's own names on its port, and configured hosts instead when given", () => {
    for (const host of ["localhost:4321", "127.0.0.1:4321", "[::1]:4321", "LOCALHOST:4321"]) {
      expect(() =>
        assertOwnRequest({ ...own, headers: { host, origin: `http://${host.toLowerCase()}` } }),
      ).not.toThrow();
    }
    expect(() => assertOwnRequest({ ...own, headers: { host: "localhost:4322" } })).toThrow(
      /Foreign Host|addressed to/,
    );
    expect(() => assertOwnRequest({ ...own, headers: { host: "guide.test:80" } }, ["guide.test:80"])).not.toThrow();
    expect(() => assertOwnRequest({ ...own, headers: { host: "localhost:4321", origin: "null" } })).toThrow(
      /Requests from "null"/,
    );
  });
});
