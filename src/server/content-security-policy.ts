/**
 * The guide's Content-Security-Policy, in two parts because of where each can live.
 *
 * - The page policy goes into every HTML page as a `<meta http-equiv>` that Astro writes at build
 *   time (astro.config.mjs `security.csp`), because only the build knows the hashes of the inline
 *   scripts it emits. Scripts: the site's own files, those hashes, `blob:` (module workers and
 *   scripts the in-browser runtime builds from the reader's files) and `'wasm-unsafe-eval'`
 *   (WebAssembly: Pagefind's search, the in-browser runtime). Styles allow `'unsafe-inline'`:
 *   Mermaid writes a `<style>` into each diagram and CodeMirror and xterm set styles at run time;
 *   no hash can name those, and a style cannot run code. Frames: the site itself (the in-browser
 *   runtime's `/preview/<port>/` pages), WebContainer's `https://stackblitz.com/headless` iframe and
 *   its `*.webcontainer-api.io` previews. Forms may post to StackBlitz ("Open in StackBlitz").
 * - The header policy holds what a `<meta>` cannot carry (`frame-ancestors`) and what must hold
 *   even before the page's own policy is read; the guide's server, `public/_headers` and
 *   `vercel.json` send it on every response (a test keeps the three equal).
 *
 * Both are enforced together: a request must satisfy each.
 */

/** A directive Astro's `security.csp.directives` accepts (it writes script-src and style-src itself). */
type PageDirective = `${
  | "default-src"
  | "img-src"
  | "font-src"
  | "connect-src"
  | "worker-src"
  | "frame-src"
  | "manifest-src"
  | "media-src"
  | "object-src"
  | "base-uri"
  | "form-action"} ${string}`;

/** The page policy's directives other than script-src and style-src, which Astro writes with its hashes. */
export const pagePolicyDirectives: readonly PageDirective[] = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' https://stackblitz.com https://*.webcontainer-api.io",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self' https://stackblitz.com",
];

/** Where scripts may come from besides the hashes Astro adds. */
export const scriptSources: readonly string[] = ["'self'", "'wasm-unsafe-eval'", "blob:"];

/** Where styles may come from; `'unsafe-inline'` makes Astro leave out style hashes (which would disable it). */
export const styleSources: readonly string[] = ["'self'", "'unsafe-inline'"];

/** The header policy: no other site may frame the guide, no plugins, no `<base>` redirection. */
export const headerPolicy = "frame-ancestors 'self'; object-src 'none'; base-uri 'self'";
