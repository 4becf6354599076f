/**
 * The static-build tests' `test`: every request any page, frame, tab or worker of the test makes
 * is recorded, and the test fails if one leaves the site's origin. The in-browser runtime promises
 * that nothing is fetched from another origin, ever; this checks it during each test's whole flow.
 */
import { expect, test as base } from "@playwright/test";

/** The origin a URL would be fetched from; undefined for URLs that never reach the network (data:, about:). */
export function requestOrigin(url: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.protocol === "blob:") return new URL(parsed.pathname).origin;
  if (parsed.protocol === "data:" || parsed.protocol === "about:") return undefined;
  return parsed.origin;
}

export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ context, baseURL }, use) => {
      const site = new URL(baseURL ?? "http://localhost").origin;
      const foreign: string[] = [];
      context.on("request", (request) => {
        const origin = requestOrigin(request.url());
        if (origin !== undefined && origin !== site) foreign.push(`${request.method()} ${request.url()}`);
      });
      await use(foreign);
      expect(foreign, `requests that left ${site}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
