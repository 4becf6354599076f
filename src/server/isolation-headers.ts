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

/** Headers every response of the guide carries, isolation included. */
export const guideHeaders: Readonly<Record<string, string>> = {
  ...isolationHeaders,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};
