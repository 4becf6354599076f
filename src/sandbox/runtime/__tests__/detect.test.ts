/** Runtime detection: the local runner through its handshake, WebContainer through the browser's facts. */
import { describe, expect, it } from "vitest";
import { detectRuntimes } from "../detect.ts";

const ISOLATED = { crossOriginIsolated: true, hasRequiredApis: true, onLine: true };
const handshake = () => Response.json({ limits: {}, examples: [] });

describe("detectRuntimes", () => {
  it("offers both, local first, when the guide's server answers and the page is isolated", async () => {
    const runtimes = await detectRuntimes({ fetch: async () => handshake(), environment: ISOLATED });
    expect(runtimes.map((r) => [r.kind, r.availability.available])).toEqual([
      ["local", true],
      ["webcontainer", true],
    ]);
  });

  it("explains a static host without the runner and a page without isolation", async () => {
    const runtimes = await detectRuntimes({
      fetch: async () => new Response("<!doctype html>", { status: 404, headers: { "content-type": "text/html" } }),
      environment: { ...ISOLATED, crossOriginIsolated: false },
    });
    expect(runtimes.map((r) => r.availability)).toMatchObject([
      { available: false, reason: "no-local-runner" },
      { available: false, reason: "not-cross-origin-isolated" },
    ]);
  });

  it("says offline when the browser is offline and the runner is unreachable", async () => {
    const runtimes = await detectRuntimes({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
      environment: { ...ISOLATED, onLine: false },
    });
    expect(runtimes.map((r) => r.availability)).toMatchObject([
      { available: false, reason: "no-local-runner" },
      { available: false, reason: "offline" },
    ]);
  });
});
