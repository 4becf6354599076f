import { headerPolicy } from "./content-security-policy.ts";

/**
 * Response headers that make every HTML page cross-origin isolated, which the in-browser
 * runtime (WebContainer, SharedArrayBuffer) requires. `require-corp` rather than
 * `credentialless`: it works in every browser that supports isolation, and the guide
 * loads nothing cross-origin, so nothing needs the looser policy.
 */
export const isolationHeaders: Readonly<Record<string, string>> = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * Headers every response of the guide carries, isolation included: the header half of the
 * Content-Security-Policy (content-security-policy.ts; the page half is a meta tag in each page),
 * no MIME sniffing, and no full URLs (which may carry the runner's link token) sent to other sites.
 */
export const guideHeaders: Readonly<Record<string, string>> = {
  ...isolationHeaders,
  "Content-Security-Policy": headerPolicy,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
