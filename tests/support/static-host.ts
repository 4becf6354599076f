/**
 * The published site's situation, for the browser tests and the benchmark: `dist/` served by a
 * plain static file server that sends the headers `_headers` declares (as Netlify and Cloudflare
 * Pages do), and nothing else: no local runner, no server code.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import sirv from "sirv";

/** One `_headers` block: a path pattern (`*` matches anything) and the headers for matching paths. */
export interface HeaderRule {
  readonly pattern: string;
  readonly headers: ReadonlyArray<readonly [name: string, value: string]>;
}

/** Parses the Netlify/Cloudflare `_headers` format: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: Array<{ pattern: string; headers: Array<[string, string]> }> = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(":");
    if (!rule || colon < 0) throw new Error(`_headers: "${line.trim()}" is not a "Name: value" line under a path`);
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for `pathname`: every matching rule applies, later ones last. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Array<[string, string]> {
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`).test(pathname);
  return rules
    .filter((rule) => matches(rule.pattern))
    .flatMap((rule) => rule.headers.map(([name, value]): [string, string] => [name, value]));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

/** A static server for `distDir` with the headers of its `_headers` file (copied there from public/). */
export function createStaticHost(distDir: string): Server {
  const rules = parseHeadersFile(readFileSync(join(distDir, "_headers"), "utf8"));
  const notFound = (() => {
    try {
      return readFileSync(join(distDir, "404.html"));
    } catch {
      return undefined;
    }
  })();
  // Precompressed files (the build writes .br and .gz) as a static host sends them: compressed.
  const serve = sirv(distDir, { etag: true, gzip: true, brotli: true, extensions: ["html"], dev: false });
  return createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://host").pathname;
    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    serve(req, res, () => {
      res.writeHead(404, { "Content-Type": notFound ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" });
      res.end(notFound ?? "Not found");
    });
  });
}
