/**
 * Completes the Content-Security-Policy <meta> Astro writes into every built page (security.csp).
 * Astro hashes the scripts it bundles but not `<script is:inline>` ones, and Starlight has several
 * (theme, sidebar state, search shortcut, tabs): without their hashes the browser refuses them and
 * the page quietly loses those behaviours (withastro/astro#16664). After the build this step adds
 * the SHA-256 of every inline script a page has to that page's script-src, and moves the <meta> to
 * the top of <head>, since a policy delivered in a <meta> only governs what comes after it.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"\s*\/?>/i;
const INLINE_SCRIPT = /<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi;

/** The CSP source naming one inline script's text (what the browser hashes is the text between the tags). */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** One page's HTML with every inline script's hash in its CSP <meta>, and that <meta> first in <head>. */
export function completePagePolicy(html: string): string {
  const meta = META.exec(html);
  if (!meta) return html;
  let policy = meta[1] ?? "";
  const scriptSrc = /(^|;)\s*script-src ([^;]*)/.exec(policy);
  if (!scriptSrc) return html;
  const sources = new Set((scriptSrc[2] ?? "").trim().split(/\s+/));
  for (const [, attributes = "", text = ""] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc=/i.test(attributes) || /type="application\/(ld\+)?json"/i.test(attributes)) continue;
    if (text.trim() === "") continue;
    sources.add(scriptHashSource(text));
  }
  policy = policy.replace(scriptSrc[0], `${scriptSrc[1]} script-src ${[...sources].join(" ")}`);
  const completed = `<meta http-equiv="content-security-policy" content="${policy}">`;
  const withoutMeta = html.replace(meta[0], "");
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(withoutMeta);
  if (charset) return withoutMeta.replace(charset[0], `${charset[0]}${completed}`);
  return withoutMeta.replace(/<head>/i, `<head>${completed}`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The integration: runs over the build output once Astro has written it. */
export function cspInlineScripts(): AstroIntegration {
  return {
    name: "field-guide:csp-inline-scripts",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        let pages = 0;
        for (const file of await htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, "utf8");
          const completed = completePagePolicy(html);
          if (completed !== html) {
            await writeFile(file, completed);
            pages += 1;
          }
        }
        logger.info(`Content-Security-Policy: inline script hashes added to ${pages} pages.`);
      },
    },
  };
}
