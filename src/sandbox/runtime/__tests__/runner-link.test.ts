/** The page's trade of the printed link's token for the runner's cookie, with the token removed from the address bar. */
import { expect, it } from "vitest";
import { claimRunnerLink, runnerLinkClaimed } from "../runner-link.ts";

it("sends the token once to /__runner/session and removes it from the address bar, keeping the rest of the URL", async () => {
  const replaced: string[] = [];
  const sent: Array<{ url: string; authorization: string | null; method?: string }> = [];
  const page = {
    location: { href: "http://localhost:4321/topics/caching/?token=abc_DEF-123&tab=2#sandbox" },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)),
    },
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: String(input),
      authorization: new Headers(init?.headers).get("authorization"),
      method: init?.method,
    });
    return new Response(null, { status: 204 });
  };
  const claim = claimRunnerLink(page, fetch);
  // The address bar is clean before the request is even answered.
  expect(replaced).toEqual(["/topics/caching/?tab=2#sandbox"]);
  await claim;
  await runnerLinkClaimed();
  expect(sent).toEqual([{ url: "/__runner/session", authorization: "Bearer abc_DEF-123", method: "POST" }]);
  // A second call on the same page (the sandbox's chunk) waits for the same trade instead of sending again.
  await claimRunnerLink(page, fetch);
  expect(sent).toHaveLength(1);
});
