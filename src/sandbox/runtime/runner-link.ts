/**
 * The page's half of the runner's out-of-band secret: `npm start` prints a link ending in
 * `?token=…`; the page that opens it sends the token once to /__runner/session, which answers with
 * an HttpOnly cookie, and removes the token from the address bar (and so from history, bookmarks
 * and screenshots). The runner's handshake waits for that trade, so the first sandbox opened on
 * that very page already has the cookie.
 */

/** The query parameter the printed link carries the token in. */
export const TOKEN_PARAM = "token";

// Shared through the global object rather than module state: the page's small start-up script and
// the lazily loaded sandbox may be bundled into different chunks, each with its own copy of this module.
const CLAIM = Symbol.for("field-guide.runner-link-claim");
type ClaimHolder = { [CLAIM]?: Promise<void> };

interface PageFacts {
  readonly location: { readonly href: string };
  readonly history: Pick<History, "replaceState" | "state">;
}

/**
 * If the page's URL carries the runner's token, trades it for the session cookie and removes it
 * from the address bar; resolves when done (at once when there is no token). Never rejects: a
 * failed trade shows up later as a sandbox that asks for the link.
 */
export function claimRunnerLink(
  page: PageFacts = globalThis as unknown as PageFacts,
  doFetch: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<void> {
  const holder = globalThis as ClaimHolder;
  if (holder[CLAIM]) return holder[CLAIM];
  const url = new URL(page.location.href);
  const token = url.searchParams.get(TOKEN_PARAM);
  if (!token) return Promise.resolve();
  url.searchParams.delete(TOKEN_PARAM);
  page.history.replaceState(page.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  const claim = doFetch("/__runner/session", {
    method: "POST",
    credentials: "same-origin",
    headers: { authorization: `Bearer ${token}` },
  }).then(
    async (response) => void (await response.body?.cancel()),
    () => undefined,
  );
  holder[CLAIM] = claim;
  return claim;
}

/** Resolves once a trade started on this page is done (at once when none was). */
export function runnerLinkClaimed(): Promise<void> {
  return (globalThis as ClaimHolder)[CLAIM] ?? Promise.resolve();
}
