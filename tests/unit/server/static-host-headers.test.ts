import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { guideHeaders } from "~/server/isolation-headers.ts";

const root = new URL("../../../", import.meta.url);

/** Headers that `public/_headers` sets for every path (`/*`). */
function netlifyHeadersForAllPaths(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let inAllPaths = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!line.startsWith(" ")) {
      inAllPaths = line.trim() === "/*";
      continue;
    }
    if (!inAllPaths) continue;
    const [name, ...value] = line.trim().split(":");
    if (name) headers[name] = value.join(":").trim();
  }
  return headers;
}

describe("static host configuration", () => {
  it("public/_headers sends the same headers as the guide's own server", () => {
    const text = readFileSync(new URL("public/_headers", root), "utf8");
    expect(netlifyHeadersForAllPaths(text)).toEqual(guideHeaders);
  });

  it("vercel.json sends the same headers as the guide's own server", () => {
    const config = JSON.parse(readFileSync(new URL("vercel.json", root), "utf8")) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    const allPaths = config.headers.find((rule) => rule.source === "/(.*)");
    const headers = Object.fromEntries((allPaths?.headers ?? []).map(({ key, value }) => [key, value]));
    expect(headers).toEqual(guideHeaders);
  });

  it("lets no other site frame the guide, on every host (the page policy's meta tag cannot say frame-ancestors)", () => {
    expect(guideHeaders["Content-Security-Policy"]).toContain("frame-ancestors 'self'");
    expect(guideHeaders["X-Content-Type-Options"]).toBe("nosniff");
    expect(guideHeaders["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("isolates pages the way the in-browser runtime needs", () => {
    expect(guideHeaders["Cross-Origin-Opener-Policy"]).toBe("same-origin");
    expect(["require-corp", "credentialless"]).toContain(guideHeaders["Cross-Origin-Embedder-Policy"]);
  });
});
